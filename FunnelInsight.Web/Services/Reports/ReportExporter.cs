using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Reports;
using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Services.Reports;

/// <summary>
/// Builds the report files the command line's <c>report</c> verb and the dashboard's download links write: the kind's
/// document from the engine, with what it is of (<see cref="ReportAbout"/>: the store, its currency and time zone, the
/// filters, the time) for the file's metadata and name.
/// </summary>
/// <param name="analytics">The engine.</param>
/// <param name="settings">The store's settings (its currency and time zone).</param>
/// <param name="database">The application database (the store's name).</param>
public sealed class ReportExporter(IFunnelAnalytics analytics, StoreSettingsService settings, FunnelDatabase database)
{
    /// <summary>The document of report <paramref name="kind"/> for a valid filter.</summary>
    /// <param name="kind">One of <see cref="ReportFile.Kinds"/>.</param>
    /// <param name="filter">The filters, already read (and a saved funnel resolved).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<ReportDocument> BuildAsync(string kind, ReportFilter filter, CancellationToken cancellationToken)
    {
        var about = await AboutAsync(kind, filter, cancellationToken);
        var document = await ReportFile.BuildAsync(analytics, kind, filter.Query, filter.Limit, filter.InactiveDays ?? 90, about.Currency, cancellationToken);
        return document with { Currency = about.Currency, About = about, CsvTable = filter.Table };
    }

    /// <summary>What report <paramref name="kind"/> for <paramref name="filter"/> is of, made now: the CSV's sidecar.</summary>
    /// <exception cref="ArgumentException">There is no such store.</exception>
    public async Task<ReportAbout> AboutAsync(string kind, ReportFilter filter, CancellationToken cancellationToken)
    {
        var query = filter.Query;
        var generated = DateTime.UtcNow;
        var store = await settings.GetAsync(query.StoreId, cancellationToken) ?? throw new ArgumentException($"No store {query.StoreId}.", nameof(filter));
        await using var context = database.CreateContext();
        var name = await context.Stores.AsNoTracking().Where(s => s.Id == query.StoreId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return new ReportAbout(query.StoreId, name, kind, query.From, query.To, store.TimeZone, store.Currency, Filters(kind, filter),
            generated.AddTicks(-(generated.Ticks % TimeSpan.TicksPerSecond)));
    }

    /// <summary>The sidecar of a CSV report: its <see cref="ReportAbout"/> as a two-column CSV table (<c>field,value</c>).</summary>
    public static ReportDocument Sidecar(ReportAbout about) => new(about.Report, about.Json(), [about.Table()]) { About = about, Currency = about.Currency };

    // The filters and options given, by query key, except the period (said on its own): what the funnel, leaks, …
    // report was asked with. The customers report takes only the period and its inactivity threshold.
    private static List<KeyValuePair<string, string>> Filters(string kind, ReportFilter filter)
    {
        List<KeyValuePair<string, string>> given = kind == "customers" ? [] : ReportQueryString.Values(filter.Query)
            .Where(p => p.Key is not ("from" or "to") && p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Key, (string)p.Value!)).ToList();
        if (kind == "abandonment" && filter.Limit is { } limit)
        {
            given.Add(KeyValuePair.Create("limit", limit.ToString(CultureInfo.InvariantCulture)));
        }

        if (kind == "customers" && filter.InactiveDays is { } days)
        {
            given.Add(KeyValuePair.Create("inactive-days", days.ToString(CultureInfo.InvariantCulture)));
        }

        if (filter.Table is { } table)
        {
            given.Add(KeyValuePair.Create(ReportFilters.TableKey, table));
        }

        return given;
    }
}
