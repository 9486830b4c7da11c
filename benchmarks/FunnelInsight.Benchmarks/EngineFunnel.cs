using System.Diagnostics;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Funnel;
using FunnelInsight.Core.Analytics.Funnel.Defined;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Benchmarks;

/// <summary>
/// FunnelInsight's side of the query: the ordered funnel through <see cref="IFunnelAnalytics"/>, as the dashboard asks
/// it, with one analytics instance held across runs (the dashboard registers it as a singleton).
/// </summary>
internal sealed class EngineFunnel(FunnelDatabase database, int storeId)
{
    private readonly FunnelAnalytics _analytics = new(database);

    /// <summary>The query the benchmark times: ordered session funnel, filtered by channel, broken down by device.</summary>
    public FunnelQuery Query(string channel) => new(storeId) { Channel = channel, Breakdown = FunnelDimension.Device };

    /// <summary>Runs the query once; returns its counts and elapsed time.</summary>
    public async Task<(StageCounts Counts, TimeSpan Elapsed)> OrderedFunnelByDeviceAsync(string channel)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await _analytics.FunnelAsync(Query(channel));
        var elapsed = stopwatch.Elapsed;
        return (ToCounts(report), elapsed);
    }

    /// <summary>Runs a user-defined funnel of event names once (session scope, all days); returns its counts and elapsed time.</summary>
    public async Task<(long[] Counts, TimeSpan Elapsed)> DefinedFunnelAsync(IReadOnlyList<string> names)
    {
        var steps = FunnelDefinitionText.Of([.. names.Select(n => FunnelDefinitionText.NamesStep([n]))]).Definition!;
        var stopwatch = Stopwatch.StartNew();
        var report = await _analytics.FunnelAsync(new FunnelQuery(storeId) { Steps = steps });
        var elapsed = stopwatch.Elapsed;
        return ([.. report.Total.Stages.Select(s => s.Reached ?? 0)], elapsed);
    }

    private static StageCounts ToCounts(FunnelReport report) =>
        new(report.Breakdown.ToDictionary(s => s.Label, s => s.Stages.Select(step => step.Reached).ToArray(), StringComparer.Ordinal));
}
