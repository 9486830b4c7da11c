using System.Globalization;
using FunnelInsight.Core.Analytics;

namespace FunnelInsight.Web.Services.Reports;

/// <summary>
/// The filters of a report view as they stand in its URL query (<c>from, to, device, channel, country, breakdown,
/// mode, scope, window, trend</c>: the names of the command line's <c>report</c> options), so a page and its export
/// download ask the engine the same question. Values that do not parse are ignored, never an error.
/// </summary>
public sealed record ReportFilter
{
    /// <summary>The query keys, in the order links are written.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["from", "to", "device", "channel", "country", "breakdown", "mode", "scope", "window", "trend"];

    /// <summary>First day, <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (inclusive), <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Device filter.</summary>
    public string? Device { get; init; }

    /// <summary>Channel filter.</summary>
    public string? Channel { get; init; }

    /// <summary>Country filter.</summary>
    public string? Country { get; init; }

    /// <summary>Breakdown dimension.</summary>
    public FunnelDimension? Breakdown { get; init; }

    /// <summary>Ordered (default) or open.</summary>
    public FunnelMode Mode { get; init; }

    /// <summary>Session (default) or visitor.</summary>
    public FunnelScope Scope { get; init; }

    /// <summary>Visitor conversion window in hours.</summary>
    public int? WindowHours { get; init; }

    /// <summary>Funnel trend granularity; none by default.</summary>
    public TrendGranularity Trend { get; init; }

    /// <summary>Reads the filters from query values (by key, as in <see cref="Keys"/>).</summary>
    public static ReportFilter Parse(Func<string, string?> value) => new()
    {
        From = Day(value("from")),
        To = Day(value("to")),
        Device = Text(value("device")),
        Channel = Text(value("channel")),
        Country = Text(value("country")),
        Breakdown = Enum.TryParse<FunnelDimension>(value("breakdown"), true, out var b) && Enum.IsDefined(b) ? b : null,
        Mode = Enum.TryParse<FunnelMode>(value("mode"), true, out var m) && Enum.IsDefined(m) ? m : FunnelMode.Ordered,
        Scope = Enum.TryParse<FunnelScope>(value("scope"), true, out var s) && Enum.IsDefined(s) ? s : FunnelScope.Session,
        WindowHours = int.TryParse(value("window"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : null,
        Trend = Enum.TryParse<TrendGranularity>(value("trend"), true, out var t) && Enum.IsDefined(t) ? t : TrendGranularity.None,
    };

    /// <summary>The engine's question for <paramref name="storeId"/>.</summary>
    public FunnelQuery ToQuery(int storeId) => new(storeId)
    {
        From = From,
        To = To,
        Device = Device,
        Channel = Channel,
        Country = Country,
        Breakdown = Breakdown,
        Mode = Mode,
        Scope = Scope,
        WindowHours = WindowHours,
        Trend = Trend,
    };

    /// <summary>The query values that differ from the defaults, by key (null for a key that is not set).</summary>
    public IReadOnlyDictionary<string, object?> ToQueryValues() => new Dictionary<string, object?>
    {
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["device"] = Device,
        ["channel"] = Channel,
        ["country"] = Country,
        ["breakdown"] = Breakdown?.ToString().ToLowerInvariant(),
        ["mode"] = Mode == FunnelMode.Ordered ? null : Mode.ToString().ToLowerInvariant(),
        ["scope"] = Scope == FunnelScope.Session ? null : Scope.ToString().ToLowerInvariant(),
        ["window"] = WindowHours?.ToString(CultureInfo.InvariantCulture),
        ["trend"] = Trend == TrendGranularity.None ? null : Trend.ToString().ToLowerInvariant(),
    };

    /// <summary>The query string (with its <c>?</c>, or empty) that gives these filters.</summary>
    public string ToQueryString()
    {
        var parts = ToQueryValues().Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString((string)p.Value!)}");
        var query = string.Join('&', parts);
        return query.Length == 0 ? "" : "?" + query;
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
