using static FunnelInsight.Tests.Support.Fixture;

namespace FunnelInsight.Tests.Core.Import.Events;

public class EventFileImporterTests
{
    [Fact]
    public async Task A_canonical_export_is_detected_and_every_value_is_stored()
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"));
        var events = await EventRecord.AllAsync(db);

        Assert.Equal(("canonical", 18L, 18L, 0L, 0L), (result.Format, result.RowsRead, result.RowsStored, result.RowsRejected, result.RowsDuplicate));
        Assert.Equal(new EventRecord(Us(2025, 3, 1, 10, 0, 20), "S1", "V1", "view_item", "P1", 20.0, null, null, "desktop", "organic", "SA", 800), events[1]);
        Assert.Equal(new EventRecord(Us(2025, 3, 1, 10, 5, 0), "S1", "V1", "purchase", null, 45.5, null, "W1", "desktop", "organic", "SA", 1400), events[6]);
        Assert.Equal(2, events[2].Quantity);
        Assert.Equal("S3", events[15].Visitor);
        Assert.Equal(3, (await db.SessionsAsync()).Count);
    }

    [Fact]
    public async Task A_rees46_export_reads_utc_times_and_cuts_sessions_for_rows_without_one()
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await db.ImportAsync(ImportKind.Events, Path("rees46-events.csv"));
        var events = await EventRecord.AllAsync(db);

        Assert.Equal(("rees46", 9L, 0L), (result.Format, result.RowsStored, result.RowsRejected));
        Assert.Equal(new EventRecord(Us(2019, 10, 1, 0, 6, 31), "9333dfbd-b87a-4708-9857-6336556b0fcc", "554748717", "purchase", "1004237", 1081.98, null, null, null, null, null, null), events[6]);
        Assert.Null(events[7].Session);
        Assert.Equal("541312140", events[7].Visitor);

        // Three sessions from the column, and the two session-less views 12 minutes apart make a fourth.
        Assert.Equal(4, (await db.SessionsAsync()).Count);
        Assert.Single(await db.SessionsAsync(), s => s.Session == $"541312140#{Us(2019, 10, 1, 2, 17, 59)}" && s.Events == 2);
    }

    [Theory]
    [InlineData("ga4-events-dotted.csv")]
    [InlineData("ga4-events-underscored.csv")]
    public async Task A_ga4_export_is_detected_with_dotted_or_underscored_names(string file)
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await db.ImportAsync(ImportKind.Events, Path(file));

        Assert.Equal("ga4", result.Format);
        Assert.Equal(0, result.RowsRejected);
        Assert.Contains("device=device", result.Mapping, StringComparison.Ordinal);
        Assert.Contains("session_id=", result.Mapping, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ga4_export_keeps_microseconds_and_keys_sessions_by_visitor_and_session_number()
    {
        await using var db = await TempDatabase.CreateAsync();

        await db.ImportAsync(ImportKind.Events, Path("ga4-events-dotted.csv"));
        var events = await EventRecord.AllAsync(db);

        Assert.Equal(new EventRecord(1_696_154_412_345_678, "1234567890.1696154400:1696154400", "1234567890.1696154400", "view_item", "SKU_1001", 49.99, 1, null, "mobile", "google", "Saudi Arabia", null), events[1]);
        Assert.Equal(("T_5001", 2), (events[3].Order, events[3].Quantity));

        // Both visitors have ga_session_id 1696154400: two sessions, not one.
        Assert.Equal(2, (await db.SessionsAsync()).Count);
        Assert.Equal(99.98, (await db.SessionsAsync()).First(s => s.PurchaseValue > 0).PurchaseValue, 6);
    }

    [Fact]
    public async Task A_retailrocket_export_reads_milliseconds_and_cuts_sessions_at_30_minutes()
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await db.ImportAsync(ImportKind.Events, Path("retailrocket-events.csv"));
        var events = await EventRecord.AllAsync(db);
        var sessions = (await db.SessionsAsync()).Select(s => (s.Session, s.Events)).OrderBy(s => s.Session, StringComparer.Ordinal).ToList();

        Assert.Equal(("retailrocket", 7L, 0L), (result.Format, result.RowsStored, result.RowsRejected));
        Assert.Equal(new EventRecord(1_433_221_332_117_000, null, "257597", "view", "355908", null, null, null, null, null, null, null), events[0]);
        Assert.Equal("4000", events[6].Order);

        // 257597: gaps of 10 and 25 minutes stay together, 35 minutes cuts; 992329: exactly 30 minutes stays.
        Assert.Equal(
            [("257597#1433221332117000", 3), ("257597#1433225532117000", 1), ("992329#1433224955664000", 3)],
            sessions);
    }

    [Fact]
    public async Task The_inactivity_timeout_is_the_stores_own_setting()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Test");
        await using (var context = db.Database.CreateContext())
        {
            context.Stores.Single(s => s.Id == store.Id).SessionTimeoutMinutes = 20;
            await context.SaveChangesAsync();
        }

        await db.ImportAsync(ImportKind.Events, Path("retailrocket-events.csv"));

        // At 20 minutes the 25- and 35-minute gaps of 257597 and the 30-minute gap of 992329 all cut.
        Assert.Equal(5, (await db.SessionsAsync()).Count);
    }

    [Fact]
    public async Task Any_other_csv_imports_with_a_column_mapping()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("tracker.csv", "ts,action,visitor,amount\n2025-05-01 08:00:00,landing,alice,\n2025-05-01 08:01:00,view_item,alice,12.5\n");

        var result = await db.ImportAsync(ImportKind.Events, path, mapping: "event_time=ts,event_type=action,user_id=visitor,price=amount");
        var events = await EventRecord.AllAsync(db);

        Assert.Equal(("custom", 2L, 0L), (result.Format, result.RowsStored, result.RowsRejected));
        Assert.Equal(new EventRecord(Us(2025, 5, 1, 8, 1, 0), null, "alice", "view_item", null, 12.5, null, null, null, null, null, null), events[1]);
        Assert.Equal("event_time=ts,event_type=action,user_id=visitor,price=amount", result.Mapping);
    }

    [Fact]
    public async Task A_file_matching_no_format_and_given_no_mapping_fails_and_stores_nothing()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = db.WriteFile("mystery.csv", "when,what\n2025-05-01,thing\n");

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.StartsWith("The columns (when, what) match no known event export", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.EventCountAsync());
    }

    [Fact]
    public async Task A_mapping_overrides_one_column_of_a_detected_format()
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await db.ImportAsync(ImportKind.Events, Path("ga4-events-dotted.csv"), mapping: "channel=traffic_source.medium");

        Assert.Equal("ga4", result.Format);
        Assert.Contains("channel=traffic_source.medium", result.Mapping, StringComparison.Ordinal);
        Assert.Equal(["organic", "(none)"], (await EventRecord.AllAsync(db)).Select(e => e.Channel).Distinct());
    }

    [Fact]
    public async Task A_chosen_format_the_file_does_not_fit_fails_naming_the_missing_columns()
    {
        await using var db = await TempDatabase.CreateAsync();

        var result = await db.ImportAsync(ImportKind.Events, Path("retailrocket-events.csv"), format: "canonical");

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.StartsWith("No column for event_time, event_type, session_id", result.Message, StringComparison.Ordinal);
        Assert.Contains("(FunnelInsight canonical events)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_repeated_inside_one_file_are_stored_once_and_counted_as_duplicates()
    {
        await using var db = await TempDatabase.CreateAsync();
        // Lines 3 and 4 repeat line 2's identity (time, session, visitor, name, product, order); a different price does not make a new event.
        var path = db.WriteFile("repeats.csv", """
            event_time,event_type,session_id,user_id,product_id,price
            2025-03-01T10:00:00Z,view_item,S1,V1,P1,10
            2025-03-01T10:00:00Z,view_item,S1,V1,P1,10
            2025-03-01T10:00:00Z,view_item,S1,V1,P1,12
            2025-03-01T10:00:00Z,view_item,S1,V1,P2,10
            2025-03-01T10:01:00Z,view_item,S1,V1,P1,10

            """);

        var result = await db.ImportAsync(ImportKind.Events, path);

        Assert.Equal((5L, 3L, 2L), (result.RowsRead, result.RowsStored, result.RowsDuplicate));
        Assert.Equal(3, await db.EventCountAsync());
        Assert.Equal(new long[] { 2, 5, 6 }, (await EventRecord.StoredAsync(db.Database)).Select(e => e.Line).ToArray());
        Assert.Equal(3, (await db.SessionsAsync()).Single().Events);
    }

    [Fact]
    public async Task Text_is_trimmed_and_a_row_with_bytes_that_are_not_utf8_is_rejected_never_stored_with_replacement_characters()
    {
        await using var db = await TempDatabase.CreateAsync();
        var path = System.IO.Path.Combine(db.Folder, "latin1.csv");
        // A device padded with spaces, a channel padded with spaces and a no-break space; then "Zürich" written in Latin-1 (0xFC).
        await File.WriteAllBytesAsync(path, [
            .. "event_time,event_type,session_id,user_id,device,channel,country\n2025-03-01T10:00:00Z,view_item,S1,V1,  mobile ,  ads\u00A0,Zürich\n"u8,
            .. "2025-03-01T10:00:01Z,view_item,S1,V1,mobile,ads,Z"u8, 0xFC, .. "rich\n"u8]);

        var result = await db.ImportAsync(ImportKind.Events, path);

        var stored = (await EventRecord.AllAsync(db)).Single();
        Assert.Equal(("mobile", "ads", "Zürich"), (stored.Device, stored.Channel, stored.Country));
        Assert.Equal((3L, "country"), (result.Errors.Single().Line, result.Errors.Single().Column));
        Assert.StartsWith("Bytes 0xFC in country are not UTF-8", result.Errors.Single().Reason, StringComparison.Ordinal);
    }
}
