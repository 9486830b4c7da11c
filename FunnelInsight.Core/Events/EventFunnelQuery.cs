using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Funnel.Defined;

namespace FunnelInsight.Core.Events;

/// <summary>
/// What a user-defined funnel asks the event engine, with every definition already resolved in C#: which stored event
/// names reach each step (the store's stage map decided the stage steps), which stored spellings each filter lets
/// through, and the range as times. The engine applies the greedy ordered rule (or the open one) over the raw events.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="Steps">The steps to match, in order (a stage the store does not track is already left out).</param>
/// <param name="Mode">Ordered (greedy earliest match, one event per step) or open (any event of the step).</param>
/// <param name="Scope">Sessions, or visitors (a visitor's selected sessions as one stream from their first).</param>
/// <param name="FromUs">Sessions starting at or after this time; null for no bound.</param>
/// <param name="ToUs">Sessions starting before this time; null for no bound.</param>
/// <param name="Filters">Per <see cref="FunnelDimension"/>, the session values (exact spellings) selected; null for no filter.</param>
/// <param name="WindowUs">Events later than the unit's first landing plus this are left out; null for none.</param>
/// <param name="Breakdown">The session dimension whose value (of the unit's first session) each count is split by.</param>
/// <param name="BySlot">Split the counts by the quarter hour of the unit's first landing, for a trend.</param>
internal sealed record EventFunnelQuery(
    int StoreId,
    IReadOnlyList<EventFunnelStep> Steps,
    FunnelMode Mode,
    FunnelScope Scope,
    long? FromUs,
    long? ToUs,
    IReadOnlyList<IReadOnlyList<string>?> Filters,
    long? WindowUs,
    FunnelDimension? Breakdown,
    bool BySlot)
{
    /// <summary>Length of a trend slot: a quarter hour, so every time zone's days are whole slots.</summary>
    public const long SlotUs = 900_000_000;
}

/// <summary>One step as the engine matches it.</summary>
/// <param name="Landing">The landing stage: reached by a session's first event, which may then also reach the next step.</param>
/// <param name="Names">Stored event names (exact) that reach the step.</param>
/// <param name="Narrowings">Conditions on the reaching event's fields.</param>
internal sealed record EventFunnelStep(bool Landing, IReadOnlyList<string> Names, IReadOnlyList<StepNarrowing> Narrowings);

/// <summary>How many units reached which steps, per breakdown value and slot.</summary>
/// <param name="Mask">Bit k set when the units reached step k (ordered: a prefix).</param>
/// <param name="Group">The breakdown value as the unit's first session carries it (null: not set, or no breakdown).</param>
/// <param name="Slot">The quarter hour of the units' first landing (<see cref="EventFunnelQuery.SlotUs"/>); 0 without slots.</param>
/// <param name="Units">How many units.</param>
internal sealed record EventFunnelRow(int Mask, string? Group, long Slot, long Units);
