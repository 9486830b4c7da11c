using System.Globalization;
using System.Text;
using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Customers;
using FunnelInsight.Core.Reports;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>report funnel|leaks|abandonment|customers|friction --store NAME [filters] [--format json|csv|xlsx] [--out FILE]</c>:
/// writes a report to the file, or to stdout without <c>--out</c>.
/// </summary>
internal static class ReportCommand
{
    private static readonly string[] Kinds = ["funnel", "leaks", "abandonment", "customers", "friction"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, StoreCatalog stores, IFunnelAnalytics analytics, TextWriter output, CancellationToken cancellationToken)
    {
        var kind = args.Count > 1 && Kinds.Contains(args[1].ToLowerInvariant()) ? args[1].ToLowerInvariant()
            : throw new CommandLineException($"report: give one of {string.Join('|', Kinds)} after 'report'.");
        var options = CommandArguments.Parse(["report", .. args.Skip(2)]);
        var format = (options.Get("format") ?? "json").ToLowerInvariant();
        if (format is not ("json" or "csv" or "xlsx"))
        {
            throw new CommandLineException($"report: --format must be json, csv or xlsx, not '{format}'.");
        }

        var storeName = options.Required("store");
        var store = await stores.FindAsync(storeName, cancellationToken)
            ?? throw new CommandLineException($"report: store '{storeName}' not found (see the 'stores' verb).");
        var query = ReportOptions.Query(options, store.Id);
        var document = kind switch
        {
            "funnel" => FunnelReportDocument.Build(await analytics.FunnelAsync(query, cancellationToken)),
            "leaks" => LeakReportDocument.Build(await analytics.LeaksAsync(query, cancellationToken)),
            "abandonment" => AbandonmentReportDocument.Build(await analytics.AbandonmentAsync(query, ReportOptions.Int(options, "limit"), cancellationToken)),
            "customers" => CustomerReportDocument.Build(await analytics.CustomersAsync(
                new CustomerQuery(store.Id) { From = query.From, To = query.To, InactiveDays = ReportOptions.Int(options, "inactive-days") ?? 90 }, cancellationToken)),
            _ => FrictionReportDocument.Build(await analytics.FrictionAsync(query, cancellationToken)),
        };

        if (options.Get("out") is { Length: > 0 } path)
        {
            await using var file = File.Create(path);
            await WriteAsync(document, format, file, null, cancellationToken);
        }
        else if (format == "xlsx")
        {
            await using var stdout = Console.OpenStandardOutput();
            await WriteAsync(document, format, stdout, null, cancellationToken);
        }
        else
        {
            await WriteAsync(document, format, null, output, cancellationToken);
        }

        return 0;
    }

    private static async Task WriteAsync(ReportDocument document, string format, Stream? stream, TextWriter? text, CancellationToken cancellationToken)
    {
        if (format == "xlsx")
        {
            XlsxReportWriter.Write(document, stream!);
            return;
        }

        var writer = text ?? new StreamWriter(stream!, new UTF8Encoding(false));
        try
        {
            if (format == "csv")
            {
                await CsvReportWriter.WriteAsync(document, writer, cancellationToken);
            }
            else
            {
                await writer.WriteLineAsync(JsonReportWriter.ToText(document).AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            if (text is null)
            {
                await writer.DisposeAsync();
            }
        }
    }
}
