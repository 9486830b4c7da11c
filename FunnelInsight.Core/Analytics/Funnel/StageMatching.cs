using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Core.Analytics.Funnel;

/// <summary>
/// Which stages a session's events reach, the heart of the funnel: the ordered rule (greedy, earliest first, in order of
/// time and line in the file) and the open rule (any event of the stage). The session rollups store what these give.
/// </summary>
public static class StageMatching
{
    /// <summary>
    /// The position of the event that reached each stage in the ordered funnel, or -1. The session lands on
    /// its first event; each tracked stage k is reached by the first event of stage k at or after the event that
    /// reached the previous tracked stage, so a first event that is a product view reaches product too. An untracked
    /// stage is passed over (-1), never a stop.
    /// </summary>
    public static int[] Ordered(IReadOnlyList<SessionEvent> events, TrackedStages tracked)
    {
        var reachedAt = new[] { 0, -1, -1, -1, -1 };
        var position = 0;
        for (var stage = 1; stage <= (int)FunnelStage.Purchase; stage++)
        {
            if (!tracked.Contains((FunnelStage)stage))
            {
                continue;
            }

            while (position < events.Count && events[position].Meaning.Stage != (FunnelStage)stage)
            {
                position++;
            }

            if (position == events.Count)
            {
                break;
            }

            reachedAt[stage] = position;
        }

        return reachedAt;
    }

    /// <summary>The open funnel's stages as a mask: landing, and every stage some event of the session belongs to.</summary>
    public static int Open(IReadOnlyList<SessionEvent> events)
    {
        var mask = 1;
        foreach (var evt in events)
        {
            if (evt.Meaning.Stage is { } stage)
            {
                mask |= 1 << (int)stage;
            }
        }

        return mask;
    }
}
