using System.Reflection;
using static FunnelInsight.Core.Reports.ReportColumn;

namespace FunnelInsight.Core.Reports;

/// <summary>
/// What an export is of, written into the file itself: the store, the report, the period, the store's time zone and
/// currency, the filters that made it, when it was made and by which version of FunnelInsight. JSON carries it as
/// <c>meta</c>, XLSX as an <c>about</c> sheet, CSV as a sidecar <c>about</c> table (see the README).
/// </summary>
/// <param name="StoreId">The store's id.</param>
/// <param name="Store">The store's name, as its owner typed it (the writers escape it).</param>
/// <param name="Report">funnel, leaks, abandonment, customers or friction.</param>
/// <param name="From">First day asked (store time); null for no lower bound.</param>
/// <param name="To">Last day asked (inclusive); null for no upper bound.</param>
/// <param name="TimeZone">The store's IANA time zone, in which days are cut.</param>
/// <param name="Currency">The store's currency (ISO 4217).</param>
/// <param name="Filters">The other filters and options given, by their query key (<c>device</c>, <c>mode</c>, <c>limit</c>, …), in key order.</param>
/// <param name="GeneratedUtc">When the report was computed.</param>
public sealed record ReportAbout(int StoreId, string Store, string Report, DateOnly? From, DateOnly? To, string TimeZone, string Currency,
    IReadOnlyList<KeyValuePair<string, string>> Filters, DateTime GeneratedUtc)
{
    /// <summary>The version of FunnelInsight that computes reports (the Core assembly's informational version, with its commit).</summary>
    public static string EngineVersion { get; } =
        typeof(ReportAbout).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ReportAbout).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The version written into the file.</summary>
    public string Version { get; init; } = EngineVersion;

    /// <summary>The JSON <c>meta</c> object.</summary>
    public object Json() => new
    {
        store = Store,
        storeId = StoreId,
        report = Report,
        from = Day(From),
        to = Day(To),
        timeZone = TimeZone,
        currency = Currency,
        filters = Filters.ToDictionary(f => f.Key, f => f.Value),
        generatedUtc = GeneratedUtc,
        version = Version,
    };

    /// <summary>The <c>about</c> table: one row per field, then one per filter (<c>filter:device</c>).</summary>
    public ReportTable Table() => new("about", [Text("field"), Text("value")],
    [
        ["store", Store], ["storeId", new ReportCell((long)StoreId, CellKind.Count)], ["report", Report],
        ["from", From is { } from ? new ReportCell(from, CellKind.Date) : null], ["to", To is { } to ? new ReportCell(to, CellKind.Date) : null],
        ["timeZone", TimeZone], ["currency", Currency],
        .. Filters.Select(f => (IReadOnlyList<object?>)[$"filter:{f.Key}", f.Value]),
        ["generatedUtc", new ReportCell(GeneratedUtc, CellKind.Time)], ["version", Version],
    ]);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
