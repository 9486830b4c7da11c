using System.Globalization;
using FunnelInsight.Core.Analytics;

namespace FunnelInsight.Web.Cli;

/// <summary>Reads the report verb's filter options into a query.</summary>
internal static class ReportOptions
{
    public static FunnelQuery Query(CommandArguments options, int storeId) => new(storeId)
    {
        From = Day(options, "from"),
        To = Day(options, "to"),
        Device = options.Get("device"),
        Channel = options.Get("channel"),
        Country = options.Get("country"),
        Breakdown = options.Get("breakdown") is { } b ? Choice<FunnelDimension>(b, "breakdown") : null,
        Mode = options.Get("mode") is { } m ? Choice<FunnelMode>(m, "mode") : FunnelMode.Ordered,
        Scope = options.Get("scope") is { } s ? Choice<FunnelScope>(s, "scope") : FunnelScope.Session,
        WindowHours = Int(options, "window"),
        Trend = options.Get("trend") is { } t ? Choice<TrendGranularity>(t, "trend") : TrendGranularity.None,
    };

    public static int? Int(CommandArguments options, string name) =>
        options.Get(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new CommandLineException($"report: --{name} must be a positive whole number, not '{text}'.");

    private static DateOnly? Day(CommandArguments options, string name) =>
        options.Get(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new CommandLineException($"report: --{name} must be a date as yyyy-MM-dd, not '{text}'.");

    private static T Choice<T>(string text, string name) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
        : throw new CommandLineException($"report: --{name} must be one of {string.Join('|', Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, not '{text}'.");
}
