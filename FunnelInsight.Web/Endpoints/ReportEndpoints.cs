using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Reports;
using FunnelInsight.Web.Services.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// Report downloads: <c>GET /stores/{id}/reports/{kind}.{format}?{filters}</c> for the signed-in dashboard and
/// <c>GET /api/stores/{id}/reports/{kind}.{format}?{filters}</c> for automation (API token). Both write exactly
/// what the command line's <c>report</c> verb writes for the same filters (the query keys are its option names).
/// Analysts and owners only: a marketer gets 403, a non-member (or an unknown store) 404, so a store's
/// existence does not leak.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>The file formats, in the order the download buttons show them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["csv", "xlsx", "json"];

    /// <summary>The dashboard's download URL of a report with the view's filters.</summary>
    public static string Link(string kind, string format, FunnelQuery query) =>
        $"/stores/{query.StoreId}/reports/{kind}.{format}{ReportQueryString.Of(query)}";

    /// <summary>The keys only the funnel report takes: a user-defined funnel's steps, or a saved one's name.</summary>
    public static IReadOnlyList<string> FunnelKeys { get; } = [ReportFilters.StepsKey, ReportFilters.FunnelKey];

    /// <summary>The query keys of the report route with what each means, for the API document.</summary>
    public static IReadOnlyList<(string Key, string Description)> DocumentedKeys { get; } =
    [
        ("from", "First day (yyyy-MM-dd, store time) whose sessions count."),
        ("to", "Last day (yyyy-MM-dd, inclusive)."),
        ("device", "Only sessions with this device (without case)."),
        ("channel", "Only sessions with this channel (without case)."),
        ("country", "Only sessions with this country (without case)."),
        ("breakdown", "Split by device, channel or country."),
        ("mode", "ordered (default) or open."),
        ("scope", "session (default) or visitor."),
        ("window", "Conversion window in hours from the unit's first landing (visitor scope; user-defined funnels in both scopes)."),
        ("trend", "automatic, daily, weekly or monthly."),
        ("limit", "Abandonment: the longest recovery list."),
        ("inactive-days", "Customers: days without an order that make a customer inactive."),
        (ReportFilters.StepsKey, "Funnel only: a user-defined funnel of 2-10 steps separated by commas; a step is stage:NAME (landing … purchase) or event names joined by |, followed by narrowings [product=ID], [device=…], [channel=…], [country=…]; % , | [ ] = : inside a name are written %XX."),
        (ReportFilters.FunnelKey, "Funnel only: the name of a funnel saved in the store (instead of steps)."),
    ];

    /// <summary>The content types of the report files, for the API document.</summary>
    public static string[] ContentTypes { get; } = [.. ReportFile.Formats.Select(ReportFile.ContentType)];

    /// <summary>Maps the signed-in route (the API-token route is in <see cref="Api.ApiEndpoints"/>).</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stores/{storeId:int}/reports/{kind}.{format}", ExportAsync).RequireAuthorization();
        return app;
    }

    /// <summary>Writes the report <paramref name="kind"/> of the store as <paramref name="format"/>, for the request's filters.</summary>
    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> ExportAsync(int storeId, string kind, string format, HttpContext http, IStoreAccess access, ReportExporter exporter,
        SavedFunnels funnels, CancellationToken cancellationToken)
    {
        kind = kind.ToLowerInvariant();
        format = format.ToLowerInvariant();

        // A CSV report's metadata is its sidecar, {kind}.about.csv (the route's last dot parts the format off).
        var sidecar = format == "csv" && kind.EndsWith(SidecarSuffix, StringComparison.Ordinal);
        if (sidecar)
        {
            kind = kind[..^SidecarSuffix.Length];
        }

        if (!ReportFile.Kinds.Contains(kind) || !ReportFile.Formats.Contains(format))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no report '{kind}.{format}'.");
        }

        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Analyst, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Every key is a filter or a report option, and every value parses: a typo is a 400 naming the key, never ignored.
        // The funnel report also takes a user-defined funnel's steps, or a saved funnel's name.
        var filter = ReportFilters.Parse(storeId, http.Request.Query.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))),
            kind == "funnel" ? FunnelKeys : null);
        if (filter.IsValid)
        {
            filter = await funnels.ResolveAsync(filter, cancellationToken);
        }

        if (!filter.IsValid)
        {
            return FilterProblem(filter);
        }

        var document = sidecar ? ReportExporter.Sidecar(await exporter.AboutAsync(kind, filter, cancellationToken)) : await exporter.BuildAsync(kind, filter, cancellationToken);
        if (!sidecar && document.TableProblem(filter.Table) is { } tableProblem)
        {
            return FilterProblem(filter with { Problems = [new FilterProblem(ReportFilters.TableKey, filter.Table, tableProblem)] });
        }

        // Buffered (memory, then a temp file) so that a failure mid-report answers with an error status instead of
        // a truncated file; XLSX needs a seekable stream, so it is written to memory first.
        await using var buffer = new FileBufferingWriteStream();
        if (format == "xlsx")
        {
            using var workbook = new MemoryStream();
            await ReportFile.WriteAsync(document, format, workbook, cancellationToken);
            workbook.Position = 0;
            await workbook.CopyToAsync(buffer, cancellationToken);
        }
        else
        {
            await ReportFile.WriteAsync(document, format, buffer, cancellationToken);
        }

        http.Response.ContentType = ReportFile.ContentType(format);
        http.Response.Headers.ContentDisposition = Attachment(ReportFileName.Of(document.About!, sidecar ? "about.csv" : format));
        if (format == "csv" && !sidecar)
        {
            // Where the CSV's metadata is (RFC 8288): the same question, as the sidecar.
            var about = $"{http.Request.PathBase}{http.Request.Path.Value![..^".csv".Length]}{SidecarSuffix}.csv{http.Request.QueryString}";
            http.Response.Headers.Link = $"<{about}>; rel=\"describedby\"; type=\"text/csv\"";
        }

        http.Response.Headers.CacheControl = "no-store";
        await buffer.DrainBufferAsync(http.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private const string SidecarSuffix = ".about";

    /// <summary>
    /// The <c>Content-Disposition</c> of a download named <paramref name="fileName"/>: <c>filename</c> in ASCII for old clients and
    /// <c>filename*</c> (RFC 6266 / 8187, UTF-8) with the name as it is, both quoted and escaped by ASP.NET's header type.
    /// </summary>
    public static string Attachment(string fileName)
    {
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        return disposition.ToString();
    }

    /// <summary>A 400 problem whose <c>errors</c> name each key that was wrong, with what was wrong.</summary>
    public static ValidationProblem FilterProblem(ReportFilter filter) => TypedResults.ValidationProblem(
        filter.Problems.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        detail: string.Join(" ", filter.Problems.Select(p => p.Message)), title: "The report's filters are not valid.");
}
