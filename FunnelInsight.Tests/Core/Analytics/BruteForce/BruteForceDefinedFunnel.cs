namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>
/// An independent count of a user-defined funnel for agreement tests: plain loops over the raw generated events, straight
/// from the design's rule. Step k is reached by the first event after the one that reached step k − 1 (at or after it
/// when that step was the landing), within the window from the unit's first landing; a stage the store never sends is
/// passed over (null).
/// </summary>
internal sealed class BruteForceDefinedFunnel(BruteForceFunnel funnel)
{
    /// <summary>Reached counts per step of the whole selection, or of each breakdown value / trend period when a key is given.</summary>
    public Dictionary<string, long?[]> Reached(FunnelQuery q, Func<BruteForceSession, string> key)
    {
        var steps = q.Steps!.Steps;
        var result = new Dictionary<string, long?[]>();
        foreach (var (first, stream) in Units(q))
        {
            var reached = q.Mode == FunnelMode.Ordered ? Greedy(steps, stream) : Open(steps, stream);
            if (!reached.Any(r => r))
            {
                continue;
            }

            var k = key(first);
            if (!result.TryGetValue(k, out var counts))
            {
                result[k] = counts = steps.Select(s => Tracked(s) ? 0 : (long?)null).ToArray();
            }

            for (var i = 0; i < steps.Count; i++)
            {
                counts[i] += reached[i] ? 1 : 0;
            }
        }

        return result;
    }

    // Each unit's first session and its events in order, each with whether it is its session's first.
    private IEnumerable<(BruteForceSession First, List<(RawEvent Event, bool First)> Stream)> Units(FunnelQuery q)
    {
        var selected = funnel.Selected(q);
        var groups = q.Scope == FunnelScope.Session
            ? selected.Select(s => new List<BruteForceSession> { s })
            : selected.GroupBy(s => s.Visitor).Select(g => g.OrderBy(s => s.Start).ThenBy(s => s.Key, StringComparer.Ordinal).ToList());
        var hours = q.WindowHours ?? (q.Scope == FunnelScope.Visitor ? 168 : (int?)null);
        foreach (var sessions in groups)
        {
            var end = hours is { } h ? sessions[0].Start.AddHours(h) : DateTime.MaxValue;
            var stream = sessions
                .SelectMany((s, index) => s.Events.Select((e, position) => (e, index, position)))
                .Where(x => x.e.Time <= end)
                .OrderBy(x => x.e.Time).ThenBy(x => x.index).ThenBy(x => x.position)
                .Select(x => (x.e, x.position == 0))
                .ToList();
            yield return (sessions[0], stream);
        }
    }

    private bool Tracked(FunnelStepDefinition step) => step.Stage is not { } stage || funnel.IsTracked((int)stage);

    private static bool Matches(FunnelStepDefinition step, (RawEvent Event, bool First) x)
    {
        var e = x.Event;
        var name = step.Stage switch
        {
            FunnelStage.Landing => x.First,
            { } stage => BruteForceSession.StageOf(e) == (int)stage,
            _ => step.Names.Any(n => n.Equals(e.Name.Trim(), StringComparison.OrdinalIgnoreCase)),
        };
        return name && step.Narrowings.All(n => n.Field switch
        {
            StepField.Product => $"p{e.Line}" == n.Value,
            StepField.Device => Same(e.Device, n.Value),
            StepField.Channel => Same(e.Channel, n.Value),
            _ => Same(e.Country, n.Value),
        });
    }

    private static bool Same(string? value, string wanted) => value is not null && string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase);

    private bool[] Greedy(IReadOnlyList<FunnelStepDefinition> steps, List<(RawEvent Event, bool First)> stream)
    {
        var reached = new bool[steps.Count];
        var from = 0;
        var previousWasLanding = false;
        for (var k = 0; k < steps.Count; k++)
        {
            if (!Tracked(steps[k]))
            {
                continue;
            }

            // The event that lands may reach the next step too; any other event reaches one step only.
            var start = previousWasLanding && steps[k].Stage != FunnelStage.Landing ? from - 1 : from;
            var found = -1;
            for (var i = Math.Max(start, 0); i < stream.Count; i++)
            {
                if (Matches(steps[k], stream[i]))
                {
                    found = i;
                    break;
                }
            }

            if (found < 0)
            {
                break;
            }

            reached[k] = true;
            from = found + 1;
            previousWasLanding = steps[k].Stage == FunnelStage.Landing;
        }

        return reached;
    }

    private bool[] Open(IReadOnlyList<FunnelStepDefinition> steps, List<(RawEvent Event, bool First)> stream) =>
        steps.Select(step => Tracked(step) && stream.Any(x => Matches(step, x))).ToArray();
}
