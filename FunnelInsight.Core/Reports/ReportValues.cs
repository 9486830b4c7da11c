using System.Globalization;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Reports;

/// <summary>How report builders write shared values: rates, enums, days and the query.</summary>
internal static class ReportValues
{
    /// <summary>A rate as a fraction, or null when it has no data.</summary>
    public static double? Rate(Proportion rate) => rate.HasData ? rate.Value : null;

    public static double? Low(Proportion rate) => rate.HasData ? rate.Low : null;

    public static double? High(Proportion rate) => rate.HasData ? rate.High : null;

    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Each stage with whether the store's data tracks it.</summary>
    public static IEnumerable<object> TrackedStages(Domain.TrackedStages tracked) =>
        Enum.GetValues<Domain.FunnelStage>().Select(stage => new { stage = Name(stage), tracked = tracked.Contains(stage) });

    public static object Query(FunnelQuery q) => new
    {
        from = Day(q.From),
        to = Day(q.To),
        device = q.Device,
        channel = q.Channel,
        country = q.Country,
        breakdown = q.Breakdown is { } b ? Name(b) : null,
        mode = Name(q.Mode),
        scope = Name(q.Scope),
        windowHours = q.WindowHours,
        trend = Name(q.Trend),
        steps = q.Steps?.Text,
    };
}
