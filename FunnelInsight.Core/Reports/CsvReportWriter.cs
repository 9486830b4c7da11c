using CsvHelper;

namespace FunnelInsight.Core.Reports;

/// <summary>
/// Writes a report's first table (or the one it names, <see cref="ReportDocument.CsvTable"/>) as RFC 4180 CSV (UTF-8,
/// CRLF) with a header row, through CsvHelper's writer: text that a spreadsheet would run as a formula gets CsvHelper's
/// leading apostrophe (and quotes), numbers, times and flags are written typed, so <c>-5</c> stays a number.
/// </summary>
public static class CsvReportWriter
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        TrueValue = "true",
        FalseValue = "false",
    };

    /// <summary>Writes <paramref name="document"/>'s first table to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(ReportDocument document, TextWriter output, CancellationToken cancellationToken = default)
    {
        var table = document.CsvTable is { } name ? document.Table(name) ?? throw new ArgumentException(document.TableProblem(name), nameof(document)) : document.Tables[0];
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var header in table.Header)
        {
            csv.WriteField(header);
        }

        csv.EndRecord();
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                WriteCell(csv, row[i], i < table.Columns.Count ? table.Columns[i].Kind : CellKind.Text);
            }

            csv.EndRecord();
            cancellationToken.ThrowIfCancellationRequested();
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteCell(CsvWriter csv, object? cell, CellKind column)
    {
        var kind = ReportCell.KindOf(cell, column);
        switch (ReportCell.ValueOf(cell))
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case string text:
                csv.WriteField(text);
                break;
            case bool flag:
                csv.WriteField(flag);
                break;
            case DateTime time:
                csv.WriteField(time, "yyyy-MM-ddTHH:mm:ssZ");
                break;
            case DateOnly day:
                csv.WriteField(day, kind == CellKind.Month ? "yyyy-MM" : "yyyy-MM-dd");
                break;
            case var other:
                // Numbers (and any other value) as CsvHelper formats them in the invariant culture; a value it takes
                // for text is escaped like text.
                csv.WriteField(other);
                break;
        }
    }
}
