using FunnelInsight.Core.Domain;
using FunnelInsight.Web.Cli.Dashboard;
using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>report funnel|leaks|abandonment|customers|friction --store NAME [filters] [--format json|csv|xlsx] [--out FILE] [--token T]</c>:
/// writes a report, for an Analyst or Owner of the store (see <see cref="CommandAccess"/>), to the file, or to stdout without <c>--out</c>.
/// The funnel report also takes a user-defined funnel: <c>--steps "view_item,add_to_cart,purchase" [--window HOURS]</c> or a
/// saved one's <c>--funnel NAME</c>. With a dashboard running, the report is its API's file for the same keys
/// (<c>GET /api/stores/{id}/reports/{kind}.{format}</c>), the same bytes.
/// </summary>
internal static class ReportCommand
{
    private const string Doing = "report on";

    /// <summary>The keys only the funnel report takes: a user-defined funnel's steps, or a saved one's name.</summary>
    public static IReadOnlyList<string> FunnelKeys { get; } = [ReportFilters.StepsKey, ReportFilters.FunnelKey];

    public static async Task<int> RunAsync(CommandArguments options, CommandAccess access, ReportExporter exporter, SavedFunnels funnels, TextWriter output, CancellationToken cancellationToken)
    {
        var (kind, format, filter) = Read(options);
        var store = await access.StoreAsync(options.Required("store"), StoreRole.Analyst, Doing, createIfMissing: false, cancellationToken);
        filter = await funnels.ResolveAsync(filter with { Query = filter.Query with { StoreId = store.Id } }, cancellationToken);
        Refuse(filter);
        var document = await exporter.BuildAsync(kind, filter with { Query = filter.Query with { StoreId = store.Id } }, cancellationToken);
        if (document.TableProblem(filter.Table) is { } tableProblem)
        {
            throw new CommandLineException($"report: --{ReportFilters.TableKey}: {tableProblem}");
        }

        var code = await WriteAsync(options, format, await BytesAsync(document, format, cancellationToken), output, cancellationToken);
        if (SidecarPath(options, format) is { } sidecar)
        {
            await File.WriteAllBytesAsync(sidecar, await BytesAsync(ReportExporter.Sidecar(document.About!), "csv", cancellationToken), cancellationToken);
        }

        return code;
    }

    private static async Task<byte[]> BytesAsync(Core.Reports.ReportDocument document, string format, CancellationToken cancellationToken)
    {
        await using var buffer = new MemoryStream();
        await ReportFile.WriteAsync(document, format, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// Where a CSV written to a file gets its metadata (store, period, filters, time): beside it, <c>leaks.csv</c> →
    /// <c>leaks.about.csv</c>; null for other formats (the file holds it) and for stdout.
    /// </summary>
    public static string? SidecarPath(CommandArguments options, string format) =>
        format == "csv" && options.Get("out") is { Length: > 0 } path ? Path.ChangeExtension(path, "about.csv") : null;

    public static async Task<int> RunThroughAsync(CommandArguments options, DashboardAccess access, DashboardClient dashboard, TextWriter output, CancellationToken cancellationToken)
    {
        var (kind, format, _) = Read(options);
        var store = await access.StoreAsync(options.Required("store"), StoreRole.Analyst, Doing, createIfMissing: false, cancellationToken);
        try
        {
            // The options given are the API's query keys: the dashboard reads them with the same reader, which has accepted them here already.
            var bytes = await dashboard.BytesAsync(store.Id, $"/reports/{kind}.{format}", FilterOptions(options, kind), cancellationToken);
            var code = await WriteAsync(options, format, bytes, output, cancellationToken);
            if (SidecarPath(options, format) is { } sidecar)
            {
                await File.WriteAllBytesAsync(sidecar, await dashboard.BytesAsync(store.Id, $"/reports/{kind}.about.csv", FilterOptions(options, kind), cancellationToken), cancellationToken);
            }

            return code;
        }
        catch (DashboardProblemException ex) when (ex.Status == StatusCodes.Status400BadRequest && ex.Errors.FirstOrDefault() is { Value: [var message, ..] } problem)
        {
            // What only the store can tell (a saved funnel's name it does not have): worded as on the files, exit 2.
            throw new CommandLineException($"report: --{problem.Key}: {message}");
        }
    }

    // The kind, the format and the filters, read as the pages' and the API's query is: a value that does not parse is exit 2, naming its option.
    private static (string Kind, string Format, ReportFilter Filter) Read(CommandArguments options)
    {
        var kind = options.Action?.ToLowerInvariant() is { } action && ReportFile.Kinds.Contains(action) ? action
            : throw new CommandLineException($"report: give one of {string.Join('|', ReportFile.Kinds)} after 'report'.");
        var format = (options.Get("format") ?? "json").ToLowerInvariant();
        if (format is not ("json" or "csv" or "xlsx"))
        {
            throw new CommandLineException($"report: --format must be json, csv or xlsx, not '{format}'.");
        }

        options.Required("store");
        var filter = ReportFilters.Parse(0, FilterOptions(options, kind), kind == "funnel" ? FunnelKeys : []);
        Refuse(filter);
        return (kind, format, filter);
    }

    private static IEnumerable<KeyValuePair<string, string?>> FilterOptions(CommandArguments options, string kind)
    {
        var filterKeys = ReportFilters.QueryKeys.Concat(ReportFilters.FileKeys).Concat(kind == "funnel" ? FunnelKeys : []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return options.Given.Where(o => filterKeys.Contains(o.Key));
    }

    private static void Refuse(ReportFilter filter)
    {
        if (filter.Problems is [var problem, ..])
        {
            throw new CommandLineException($"report: --{problem.Key}: {problem.Message}");
        }
    }

    private static async Task<int> WriteAsync(CommandArguments options, string format, byte[] file, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.Get("out") is { Length: > 0 } path)
        {
            await File.WriteAllBytesAsync(path, file, cancellationToken);
        }
        else if (format == "xlsx")
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(file, cancellationToken);
        }
        else
        {
            await output.WriteAsync(System.Text.Encoding.UTF8.GetString(file).AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }

        return 0;
    }
}
