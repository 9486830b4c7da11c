using System.Text;
using FunnelInsight.Core.Analytics.Customers;
using FunnelInsight.Core.Reports;

namespace FunnelInsight.Web.Services.Reports;

/// <summary>
/// The report files the command line's <c>report</c> verb and the dashboard's download links write: one place
/// builds a kind's document from the engine and writes it as JSON, CSV or XLSX, so both give the same bytes.
/// </summary>
public static class ReportFile
{
    /// <summary>The report kinds.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["funnel", "leaks", "abandonment", "customers", "friction"];

    /// <summary>The file formats.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["json", "csv", "xlsx"];

    /// <summary>Asks the engine for a kind's report and builds its document.</summary>
    /// <param name="analytics">The engine.</param>
    /// <param name="kind">One of <see cref="Kinds"/>.</param>
    /// <param name="query">The filters.</param>
    /// <param name="limit">Abandonment: longest recovery list; null for all.</param>
    /// <param name="inactiveDays">Customers: days without an order that make a customer inactive.</param>
    /// <param name="currency">The store's currency, whose minor unit every amount is rounded to.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<ReportDocument> BuildAsync(IFunnelAnalytics analytics, string kind, FunnelQuery query, int? limit, int inactiveDays, string currency,
        CancellationToken cancellationToken) => kind switch
    {
        "funnel" => FunnelReportDocument.Build(await analytics.FunnelAsync(query, cancellationToken)),
        "leaks" => LeakReportDocument.Build(await analytics.LeaksAsync(query, cancellationToken), currency),
        "abandonment" => AbandonmentReportDocument.Build(await analytics.AbandonmentAsync(query, limit, cancellationToken), currency),
        "customers" => CustomerReportDocument.Build(await analytics.CustomersAsync(
            new CustomerQuery(query.StoreId) { From = query.From, To = query.To, InactiveDays = inactiveDays }, cancellationToken)),
        "friction" => FrictionReportDocument.Build(await analytics.FrictionAsync(query, cancellationToken), currency),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a report kind."),
    };

    /// <summary>Writes a document to a stream (UTF-8 without BOM for text).</summary>
    public static async Task WriteAsync(ReportDocument document, string format, Stream stream, CancellationToken cancellationToken)
    {
        if (format == "xlsx")
        {
            XlsxReportWriter.Write(document, stream);
            return;
        }

        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await WriteAsync(document, format, writer, cancellationToken);
    }

    /// <summary>Writes a document as text (JSON or CSV).</summary>
    public static async Task WriteAsync(ReportDocument document, string format, TextWriter writer, CancellationToken cancellationToken)
    {
        if (format == "csv")
        {
            await CsvReportWriter.WriteAsync(document, writer, cancellationToken);
        }
        else
        {
            await writer.WriteLineAsync(JsonReportWriter.ToText(document).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>The HTTP content type of a format.</summary>
    public static string ContentType(string format) => format switch
    {
        "csv" => "text/csv; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json; charset=utf-8",
    };
}
