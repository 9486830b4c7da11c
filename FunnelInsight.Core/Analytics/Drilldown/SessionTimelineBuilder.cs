using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics.Drilldown;

/// <summary>Turns a stored session into its timeline: the rollup's own ordered-funnel rule marks where each stage was reached.</summary>
internal static class SessionTimelineBuilder
{
    public static SessionTimeline Build(int storeId, SessionEvents session, StageMap map, TrackedStages tracked, StoreClock clock)
    {
        var meanings = session.Events.Select(e => new SessionEvent(e.TimeUs, e.Name, map.Meaning(e.Name), e.Price, e.Quantity, e.Device, e.Channel, e.Country, e.PageLoadMs)).ToList();
        var reachedAt = meanings.Count == 0 ? [] : StageMatching.Ordered(meanings, tracked);
        var reaches = new List<FunnelStage>[meanings.Count];
        var deepest = FunnelStage.Landing;
        for (var stage = 0; stage < reachedAt.Length; stage++)
        {
            if (reachedAt[stage] >= 0)
            {
                (reaches[reachedAt[stage]] ??= []).Add((FunnelStage)stage);
                deepest = (FunnelStage)stage;
            }
        }

        var events = new List<TimelineEvent>(meanings.Count);
        for (var i = 0; i < meanings.Count; i++)
        {
            var e = session.Events[i];
            events.Add(new TimelineEvent(Local(clock, e.TimeUs), i == 0 ? null : TimeSpan.FromMicroseconds(e.TimeUs - session.Events[i - 1].TimeUs),
                e.Name, meanings[i].Meaning.Stage, reaches[i] ?? [], e.Product, e.Price, e.Quantity, e.Order, e.PageLoadMs, e.Line));
        }

        var keys = session.Keys;
        return new SessionTimeline(storeId, keys.Session, keys.Visitor, clock.Name, Local(clock, keys.StartUs), Local(clock, keys.EndUs),
            session.Device, session.Channel, session.Country, deepest, tracked, events);
    }

    /// <summary>A stored time in the store's time zone.</summary>
    public static DateTimeOffset Local(StoreClock clock, long us)
    {
        var offset = clock.OffsetUs(us);
        return new DateTimeOffset(UtcTime.FromMicros(us + offset).Ticks, TimeSpan.FromMicroseconds(offset));
    }
}
