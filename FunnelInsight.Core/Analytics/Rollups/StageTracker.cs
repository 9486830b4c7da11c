using FunnelInsight.Core.Domain;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// Finds which stages a store's events track while they are partitioned, so the rollups can pass over the stages the
/// data never sends. Each distinct event name is looked up in the stage map once.
/// </summary>
internal sealed class StageTracker(StageMap map)
{
    private readonly Utf8Interner _names = new();
    private int _mask = 1;

    /// <summary>The stages seen so far (landing always).</summary>
    public TrackedStages Tracked => new(_mask);

    /// <summary>Notes one event's name.</summary>
    public void Observe(ReadOnlySpan<byte> eventName)
    {
        var entry = _names.Find(eventName);
        entry.Meaning ??= map.Meaning(entry.Value);
        if (entry.Meaning.Value.Stage is { } stage)
        {
            _mask |= 1 << (int)stage;
        }
    }
}
