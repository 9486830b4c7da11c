using System.Text;

namespace FunnelInsight.Core.Reports;

/// <summary>Writes a report's first table (or the one it names, <see cref="ReportDocument.CsvTable"/>) as RFC 4180 CSV (UTF-8, CRLF) with a header row and neutralised cells.</summary>
public static class CsvReportWriter
{
    /// <summary>Writes <paramref name="document"/>'s first table to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(ReportDocument document, TextWriter output, CancellationToken cancellationToken = default)
    {
        var table = document.CsvTable is { } name ? document.Table(name) ?? throw new ArgumentException(document.TableProblem(name), nameof(document)) : document.Tables[0];
        await output.WriteAsync(Line(table.Header.Cast<object?>().ToList(), table.Columns).AsMemory(), cancellationToken);
        foreach (var row in table.Rows)
        {
            await output.WriteAsync(Line(row, table.Columns).AsMemory(), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    private static string Line(IReadOnlyList<object?> cells, IReadOnlyList<ReportColumn> columns)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(SpreadsheetCell.Quote(CellText.Format(cells[i], i < columns.Count ? columns[i].Kind : CellKind.Text)));
        }

        return line.Append("\r\n").ToString();
    }
}
