namespace FunnelInsight.Web.Services.Reports;

/// <summary>
/// A report view's question written as its URL query (<c>from, to, device, channel, country, breakdown, mode,
/// scope, window, trend</c>, and a user-defined funnel's <c>steps</c>: the names of the command line's <c>report</c> options), so a page and its export
/// download ask the engine the same question; <see cref="FunnelInsight.Core.Domain.ReportFilters"/> reads it back.
/// </summary>
public static class ReportQueryString
{
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
        ["steps"] = query.Steps?.Text,
    };

    /// <summary>The query string (with its <c>?</c>, or empty) that asks <paramref name="query"/>.</summary>
    public static string Of(FunnelQuery query) => Of(query, []);

    /// <summary>The query string of <paramref name="query"/> with a page's own keys added (a null value is left out).</summary>
    public static string Of(FunnelQuery query, params (string Key, string? Value)[] extra)
    {
        var parts = Values(query).Select(p => (p.Key, Value: (string?)p.Value)).Concat(extra).Where(p => p.Value is not null)
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        var text = string.Join('&', parts);
        return text.Length == 0 ? "" : "?" + text;
    }
}
