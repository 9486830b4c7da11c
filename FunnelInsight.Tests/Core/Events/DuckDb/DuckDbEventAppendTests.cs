namespace FunnelInsight.Tests.Core.Events.DuckDb;

public sealed class DuckDbEventAppendTests
{
    private const string Header = "event_time,event_type,session_id,user_id,price,quantity\n";

    // s1 lands, views and buys without a checkout event: with no checkout event in the store, checkout is untracked and
    // the ordered funnel passes over it (depth 4); once the store tracks checkout, s1 stops at the cart (depth 2).
    private const string First = Header +
        "2025-03-01T10:00:00Z,session_start,s1,v1,,\n" +
        "2025-03-01T10:01:00Z,view_item,s1,v1,,\n" +
        "2025-03-01T10:02:00Z,add_to_cart,s1,v1,20,1\n" +
        "2025-03-01T10:03:00Z,purchase,s1,v1,20,1\n" +
        "2025-03-01T11:00:00Z,session_start,s2,v2,,\n" +
        "2025-03-01T11:01:00Z,view_item,s2,v2,,\n";

    [Fact]
    public async Task A_second_import_rolls_up_again_only_the_sessions_it_adds_events_to()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", First));
        var before = (await db.SessionsAsync()).ToDictionary(s => s.Session);

        var second = await db.ImportAsync(ImportKind.Events, db.WriteFile("second.csv", Header +
            "2025-03-01T11:02:00Z,add_to_cart,s2,v2,15,2\n" +
            "2025-03-01T12:00:00Z,session_start,s3,v3,,\n"));

        Assert.Equal((2L, 0L), (second.RowsStored, second.RowsDuplicate));
        var after = (await db.SessionsAsync()).ToDictionary(s => s.Session);
        Assert.Equal(["s1", "s2", "s3"], after.Keys.Order());
        Assert.Equal(before["s1"].Comparable, after["s1"].Comparable); // untouched: the same row, id and all
        Assert.NotEqual(before["s2"].Id, after["s2"].Id);
        Assert.Equal((3, 2, 30.0), (after["s2"].Events, after["s2"].Depth, after["s2"].CartValue));
        Assert.Equal(1, after["s3"].Events);
    }

    [Fact]
    public async Task An_import_that_makes_the_store_track_a_new_stage_rolls_every_session_up_again()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", First));
        Assert.Equal(4, (await db.SessionsAsync()).Single(s => s.Session == "s1").Depth);

        await db.ImportAsync(ImportKind.Events, db.WriteFile("second.csv", Header +
            "2025-03-01T11:02:00Z,add_to_cart,s2,v2,15,2\n" +
            "2025-03-01T11:03:00Z,begin_checkout,s2,v2,,\n"));

        var sessions = (await db.SessionsAsync()).ToDictionary(s => s.Session);
        Assert.Equal(2, sessions["s1"].Depth);
        Assert.Equal(3, sessions["s2"].Depth);
    }

    [Fact]
    public async Task Duplicates_of_stored_events_and_of_earlier_rows_of_the_same_file_are_taken_out_and_counted()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.ImportAsync(ImportKind.Events, db.WriteFile("first.csv", First));

        var again = await db.ImportAsync(ImportKind.Events, db.WriteFile("again.csv", Header +
            "2025-03-01T10:01:00Z,view_item,s1,v1,,\n" +
            "2025-03-01T13:00:00Z,session_start,s4,v4,,\n" +
            "2025-03-01T13:00:00Z,session_start,s4,v4,,\n"));

        Assert.Equal((1L, 2L), (again.RowsStored, again.RowsDuplicate));
        Assert.Equal(7, await db.EventCountAsync());
        Assert.Equal(4, (await db.SessionsAsync()).Single(s => s.Session == "s1").Events);
    }

    [Fact]
    public async Task Names_devices_channels_and_countries_come_back_from_the_roll_ups_sort_as_written_whichever_field_shares_them()
    {
        // The four fields go through the roll-up's sort as numbers of one list of the store's values: a value two
        // fields share, text that needs quoting and letters beyond ASCII must come back as they were, and empty as none.
        await using var db = await TempDatabase.CreateAsync();
        await db.ImportAsync(ImportKind.Events, db.WriteFile("names.csv", """"
            event_time,event_type,session_id,user_id,device,channel,country
            2025-03-01T10:00:00Z,session_start,s1,v1,mobile,"O'Brien, ""quoted""",Türkiye
            2025-03-01T10:01:00Z,mobile,s1,v1,,,
            2025-03-01T11:00:00Z,view_item,s2,v2,,mobile,DE
            2025-03-01T11:01:00Z,Ünïcode ✓,s2,v2,tablet,,

            """"));

        var sessions = (await db.SessionsAsync()).ToDictionary(s => s.Session);

        Assert.Equal(("mobile", "O'Brien, \"quoted\"", "Türkiye", "mobile"), (sessions["s1"].Device, sessions["s1"].Channel, sessions["s1"].Country, sessions["s1"].LastEvent));
        Assert.Equal(("tablet", "mobile", "DE", "Ünïcode ✓"), (sessions["s2"].Device, sessions["s2"].Channel, sessions["s2"].Country, sessions["s2"].LastEvent));
    }

    [Fact]
    public async Task Every_text_field_is_stored_as_the_file_spells_it_and_a_missing_one_as_none()
    {
        // The appender is given each field's UTF-8 bytes from the import's buffer: two- to four-byte letters must come
        // back whole, in the columns they were read from, and the sessions keyed by them.
        await using var db = await TempDatabase.CreateAsync();
        var imported = await db.ImportAsync(ImportKind.Events, db.WriteFile("text.csv", """
            event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country
            2025-03-01T10:00:00Z,عرض_المنتج,جلسة-١,زائر-١,منتج-٧,12.5,1,طلب-٩,جوال,بحث,مصر
            2025-03-01T10:01:00Z,view_item 👀,s-ü,visitor-é,p-😀,,,,,,
            """ + "\n"));

        Assert.True(imported.RowsRejected == 0, string.Join("; ", imported.Errors.Select(e => e.ToString())));
        var events = await EventRecord.AllAsync(db);

        Assert.Equal(
            [
                new EventRecord(events[0].TimeUs, "جلسة-١", "زائر-١", "عرض_المنتج", "منتج-٧", 12.5, 1, "طلب-٩", "جوال", "بحث", "مصر", null),
                new EventRecord(events[1].TimeUs, "s-ü", "visitor-é", "view_item 👀", "p-😀", null, null, null, null, null, null, null),
            ],
            events);
        Assert.Equal([("s-ü", "visitor-é", null), ("جلسة-١", "زائر-١", "بحث")],
            (await db.SessionsAsync()).Select(s => (s.Session, s.Visitor, s.Channel)).OrderBy(s => s.Session, StringComparer.Ordinal));
    }
}
