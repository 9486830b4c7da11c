using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Tests.Core.Analytics.Drilldown;

/// <summary>A session's visitor's other sessions in the store, as the session page lists them.</summary>
public sealed class VisitorSessionsTests
{
    // Visitor u1 visits three times: v1 lands (03-04), v2 buys (03-06), v3 reaches cart (03-09). u2 visits once.
    // Another store's u1 is someone else.
    private const string Events = """
        2024-03-04T10:00:00Z,session_start,v1,u1,,,,,mobile,ads,US,
        2024-03-06T09:00:00Z,session_start,v2,u1,,,,,mobile,ads,US,
        2024-03-06T09:01:00Z,view_item,v2,u1,p1,20,,,mobile,ads,US,
        2024-03-06T09:02:00Z,add_to_cart,v2,u1,p1,20,1,,mobile,ads,US,
        2024-03-06T09:03:00Z,begin_checkout,v2,u1,,,,,mobile,ads,US,
        2024-03-06T09:05:30Z,purchase,v2,u1,p1,20,1,o2,mobile,ads,US,
        2024-03-09T18:00:00Z,session_start,v3,u1,,,,,desktop,seo,US,
        2024-03-09T18:00:40Z,view_item,v3,u1,p2,5,,,desktop,seo,US,
        2024-03-09T18:01:00Z,add_to_cart,v3,u1,p2,5,1,,desktop,seo,US,
        2024-03-07T12:00:00Z,session_start,w1,u2,,,,,mobile,ads,US,
        """;

    [Fact]
    public async Task A_session_lists_its_visitors_other_sessions_newest_first_with_the_stage_each_reached()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);

        var timeline = (await store.Analytics.SessionTimelineAsync(store.StoreId, "v2"))!;

        Assert.Equal(["v3", "v1"], timeline.OtherSessions.Select(s => s.SessionKey));
        Assert.Equal([FunnelStage.Cart, FunnelStage.Landing], timeline.OtherSessions.Select(s => s.Reached));
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 18, 0, 0, TimeSpan.Zero), timeline.OtherSessions[0].Started);
        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.Zero], timeline.OtherSessions.Select(s => s.Duration));
        Assert.Equal(2, timeline.OtherSessionCount);
        var first = (await store.Analytics.SessionTimelineAsync(store.StoreId, "v1"))!;
        Assert.Equal(["v3", "v2"], first.OtherSessions.Select(s => s.SessionKey));
        Assert.Equal(FunnelStage.Purchase, first.OtherSessions[1].Reached);
    }

    [Fact]
    public async Task A_visitor_with_one_session_has_no_other_and_another_stores_visitor_of_the_same_key_is_not_counted()
    {
        await using var store = await AnalyticsStore.CreateAsync(Events);
        var other = await store.Temp.Stores.GetOrCreateAsync("other shop");
        var path = store.Temp.WriteFile("other.csv", AnalyticsStore.EventHeader + "\n2024-03-10T10:00:00Z,session_start,x1,u1,,,,,mobile,ads,US,\n");
        Assert.Equal(ImportStatus.Succeeded, (await new ImportService(store.Temp.Database).ImportAsync(new ImportRequest(other.Id, ImportKind.Events, path))).Status);

        Assert.Empty((await store.Analytics.SessionTimelineAsync(store.StoreId, "w1"))!.OtherSessions);
        Assert.Equal(2, (await store.Analytics.SessionTimelineAsync(store.StoreId, "v3"))!.OtherSessionCount);
        var alone = (await store.Analytics.SessionTimelineAsync(other.Id, "x1"))!;
        Assert.Equal((0, 0), (alone.OtherSessions.Count, alone.OtherSessionCount));
    }
}
