using System.Globalization;
using FunnelInsight.Core.Analytics;

namespace FunnelInsight.Web.Services.Reports;

/// <summary>
/// A report view's question as it stands in its URL query (<c>from, to, device, channel, country, breakdown, mode,
/// scope, window, trend</c>: the names of the command line's <c>report</c> options), so a page and its export
/// download ask the engine the same question. Values that do not parse are ignored, never an error.
/// </summary>
public static class ReportQueryString
{
    /// <summary>The query keys, in the order links are written.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["from", "to", "device", "channel", "country", "breakdown", "mode", "scope", "window", "trend"];

    /// <summary>Reads the question about <paramref name="storeId"/> from query values (by key, as in <see cref="Keys"/>).</summary>
    public static FunnelQuery Parse(int storeId, Func<string, string?> value) => new(storeId)
    {
        From = Day(value("from")),
        To = Day(value("to")),
        Device = Text(value("device")),
        Channel = Text(value("channel")),
        Country = Text(value("country")),
        Breakdown = Choice<FunnelDimension>(value("breakdown")),
        Mode = Choice<FunnelMode>(value("mode")) ?? FunnelMode.Ordered,
        Scope = Choice<FunnelScope>(value("scope")) ?? FunnelScope.Session,
        WindowHours = int.TryParse(value("window"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : null,
        Trend = Choice<TrendGranularity>(value("trend")) ?? TrendGranularity.None,
    };

    /// <summary>The query values of <paramref name="query"/> by key; null for a key at its default (so it leaves the URL).</summary>
    public static IReadOnlyDictionary<string, object?> Values(FunnelQuery query) => new Dictionary<string, object?>
    {
        ["from"] = query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["device"] = query.Device,
        ["channel"] = query.Channel,
        ["country"] = query.Country,
        ["breakdown"] = query.Breakdown?.ToString().ToLowerInvariant(),
        ["mode"] = query.Mode == FunnelMode.Ordered ? null : query.Mode.ToString().ToLowerInvariant(),
        ["scope"] = query.Scope == FunnelScope.Session ? null : query.Scope.ToString().ToLowerInvariant(),
        ["window"] = query.WindowHours?.ToString(CultureInfo.InvariantCulture),
        ["trend"] = query.Trend == TrendGranularity.None ? null : query.Trend.ToString().ToLowerInvariant(),
    };

    /// <summary>The query string (with its <c>?</c>, or empty) that asks <paramref name="query"/>.</summary>
    public static string Of(FunnelQuery query)
    {
        var parts = Values(query).Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString((string)p.Value!)}");
        var text = string.Join('&', parts);
        return text.Length == 0 ? "" : "?" + text;
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static T? Choice<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;
}
