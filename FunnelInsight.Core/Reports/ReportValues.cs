using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Reports;

/// <summary>How report builders write shared values: rates, enums, days and the query.</summary>
internal static class ReportValues
{
    /// <summary>A rate as a fraction, or null when it has no data.</summary>
    public static double? Rate(Proportion rate) => rate.HasData ? rate.Value : null;

    /// <summary>A figure / value table's rate cell.</summary>
    public static ReportCell AsPercent(double? rate) => new(rate, CellKind.Percent);

    /// <summary>A figure / value table's money cell, rounded to the minor unit of <paramref name="currency"/>.</summary>
    public static ReportCell AsMoney(double? amount, string? currency) => new(Money(amount, currency), CellKind.Money);

    /// <summary>An amount as every report writes it: to the minor unit of <paramref name="currency"/> (cents when null).</summary>
    public static double? Money(double? amount, string? currency) => Domain.CurrencyMinorUnit.Round(amount, currency);

    /// <summary><see cref="Money(double?, string?)"/> of an amount that is always there.</summary>
    public static double Money(double amount, string? currency) => Domain.CurrencyMinorUnit.Round(amount, currency);

    /// <summary>A figure / value table's count cell.</summary>
    public static ReportCell AsCount(long count) => new(count, CellKind.Count);

    /// <summary>A figure / value table's text cell.</summary>
    public static ReportCell AsText(string? text) => new(text, CellKind.Text);

    /// <summary>The first day of a <c>yyyy-MM</c> month.</summary>
    public static DateOnly MonthStart(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

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
