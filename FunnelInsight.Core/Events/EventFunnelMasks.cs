using FunnelInsight.Core.Analytics.Funnel.Defined;

namespace FunnelInsight.Core.Events;

/// <summary>The step bits each event engine writes a user-defined funnel's SQL from: bit k stands for step k.</summary>
internal static class EventFunnelMasks
{
    /// <summary>For each stored event name, the steps it reaches.</summary>
    public static IReadOnlyDictionary<string, int> ByName(IReadOnlyList<EventFunnelStep> steps)
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < steps.Count; k++)
        {
            foreach (var name in steps[k].Names)
            {
                masks[name] = masks.GetValueOrDefault(name) | 1 << k;
            }
        }

        return masks;
    }

    /// <summary>
    /// The stored names the steps match, each written by <paramref name="quote"/> and joined by commas for an
    /// <c>IN (…)</c> list; null when no step matches a stored name.
    /// </summary>
    public static string? NameList(IReadOnlyList<EventFunnelStep> steps, Func<string, string> quote)
    {
        var names = ByName(steps).Keys.Select(quote).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>For each step with narrowings, its bit and its conditions (each written by <paramref name="condition"/>) joined by AND.</summary>
    public static IReadOnlyList<(int Bit, string Conditions)> Narrowed(IReadOnlyList<EventFunnelStep> steps, Func<StepNarrowing, string> condition)
    {
        var narrowed = new List<(int Bit, string Conditions)>();
        for (var k = 0; k < steps.Count; k++)
        {
            if (steps[k].Narrowings.Count > 0)
            {
                narrowed.Add((1 << k, string.Join(" AND ", steps[k].Narrowings.Select(condition))));
            }
        }

        return narrowed;
    }
}
