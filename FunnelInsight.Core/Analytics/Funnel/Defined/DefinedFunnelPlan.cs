using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Events;

namespace FunnelInsight.Core.Analytics.Funnel.Defined;

/// <summary>
/// Turns a user-defined funnel's question into the engine's (<see cref="EventFunnelQuery"/>): the same session selection
/// as the stage funnel's (range and filters read from the store's sessions), event names matched in C# (names without
/// case, trimmed; stage steps by the store's stage map, as the rollups do), and stage steps the store does not track
/// passed over as the stage funnel passes over them.
/// </summary>
internal sealed class DefinedFunnelPlan
{
    private DefinedFunnelPlan(EventFunnelQuery engine, int[] engineStep)
    {
        Engine = engine;
        EngineStep = engineStep;
    }

    /// <summary>The engine's question.</summary>
    public EventFunnelQuery Engine { get; }

    /// <summary>Per step of the definition, its position among the engine's steps; -1 when it is not tracked.</summary>
    public IReadOnlyList<int> EngineStep { get; }

    /// <param name="query">The question; its <see cref="FunnelQuery.Steps"/> are set.</param>
    /// <param name="table">The store's sessions (range bounds, filter spellings, tracked stages, clock).</param>
    /// <param name="map">The store's stage map.</param>
    /// <param name="names">The store's event names.</param>
    /// <param name="storeWindowHours">The store's conversion window, for visitor scope without one of its own.</param>
    public static DefinedFunnelPlan For(FunnelQuery query, SessionTable table, StageMap map, IReadOnlyList<EventNameCount> names, int storeWindowHours)
    {
        var definition = query.Steps ?? throw new ArgumentException("The query has no user-defined steps.", nameof(query));
        var engineStep = new int[definition.Steps.Count];
        var steps = new List<EventFunnelStep>();
        for (var k = 0; k < definition.Steps.Count; k++)
        {
            var step = definition.Steps[k];
            if (step.Stage is { } stage && !table.Tracked.Contains(stage))
            {
                engineStep[k] = -1;
                continue;
            }

            engineStep[k] = steps.Count;
            steps.Add(new EventFunnelStep(step.Stage == FunnelStage.Landing, Matching(step, map, names), step.Narrowings));
        }

        var filters = Enumerable.Range(0, 3).Select(d => query.Filter((FunnelDimension)d) is { } value ? table.Dimensions[d].Spellings(value) : null).ToList();
        var windowHours = query.WindowHours ?? (query.Scope == FunnelScope.Visitor ? storeWindowHours : (int?)null);
        var engine = new EventFunnelQuery(
            query.StoreId, steps, query.Mode, query.Scope,
            query.From is { } from ? table.Clock.DayStartUs(from) : null,
            query.To is { } to ? table.Clock.DayStartUs(to.AddDays(1)) : null,
            filters,
            windowHours * UtcTime.HourUs,
            query.Breakdown,
            query.Trend != TrendGranularity.None);
        return new DefinedFunnelPlan(engine, engineStep);
    }

    // The stored names that reach a step; a landing step is reached by first events, whatever their name.
    private static List<string> Matching(FunnelStepDefinition step, StageMap map, IReadOnlyList<EventNameCount> names) => step.Stage switch
    {
        FunnelStage.Landing => [],
        { } stage => names.Where(n => map.Meaning(n.Name).Stage == stage).Select(n => n.Name).ToList(),
        _ => names.Where(n => step.Names.Contains(n.Name.Trim(), StringComparer.OrdinalIgnoreCase)).Select(n => n.Name).ToList(),
    };
}
