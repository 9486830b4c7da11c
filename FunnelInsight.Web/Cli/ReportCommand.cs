using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Stores;
using FunnelInsight.Web.Services.Reports;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>report funnel|leaks|abandonment|customers|friction --store NAME [filters] [--format json|csv|xlsx] [--out FILE] [--token T]</c>:
/// writes a report, for an Analyst or Owner of the store (see <see cref="CommandAccess"/>), to the file, or to stdout without <c>--out</c>.
/// The funnel report also takes a user-defined funnel: <c>--steps "view_item,add_to_cart,purchase" [--window HOURS]</c> or a
/// saved one's <c>--funnel NAME</c>.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The keys only the funnel report takes: a user-defined funnel's steps, or a saved one's name.</summary>
    public static IReadOnlyList<string> FunnelKeys { get; } = [ReportFilters.StepsKey, ReportFilters.FunnelKey];

    public static async Task<int> RunAsync(CommandArguments options, CommandAccess access, IFunnelAnalytics analytics, SavedFunnels funnels, TextWriter output, CancellationToken cancellationToken)
    {
        var kind = options.Action?.ToLowerInvariant() is { } action && ReportFile.Kinds.Contains(action) ? action
            : throw new CommandLineException($"report: give one of {string.Join('|', ReportFile.Kinds)} after 'report'.");
        var format = (options.Get("format") ?? "json").ToLowerInvariant();
        if (format is not ("json" or "csv" or "xlsx"))
        {
            throw new CommandLineException($"report: --format must be json, csv or xlsx, not '{format}'.");
        }

        var storeName = options.Required("store");
        // The same reader as the pages' and the API's query: a value that does not parse is exit 2, naming its option.
        var otherKeys = kind == "funnel" ? FunnelKeys : [];
        var filterKeys = ReportFilters.QueryKeys.Concat(ReportFilters.FileKeys).Concat(otherKeys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var filter = ReportFilters.Parse(0, options.Given.Where(o => filterKeys.Contains(o.Key)), otherKeys);
        Refuse(filter);
        var store = await access.StoreAsync(storeName, StoreRole.Analyst, "report on", createIfMissing: false, cancellationToken);
        filter = await funnels.ResolveAsync(filter with { Query = filter.Query with { StoreId = store.Id } }, cancellationToken);
        Refuse(filter);
        var document = await ReportFile.BuildAsync(analytics, kind, filter.Query with { StoreId = store.Id }, filter.Limit, filter.InactiveDays ?? 90, cancellationToken);

        if (options.Get("out") is { Length: > 0 } path)
        {
            await using var file = File.Create(path);
            await ReportFile.WriteAsync(document, format, file, cancellationToken);
        }
        else if (format == "xlsx")
        {
            await using var stdout = Console.OpenStandardOutput();
            await ReportFile.WriteAsync(document, format, stdout, cancellationToken);
        }
        else
        {
            await ReportFile.WriteAsync(document, format, output, cancellationToken);
        }

        return 0;
    }

    private static void Refuse(ReportFilter filter)
    {
        if (filter.Problems is [var problem, ..])
        {
            throw new CommandLineException($"report: --{problem.Key}: {problem.Message}");
        }
    }
}
