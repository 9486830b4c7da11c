using FunnelInsight.Core.Storage.Providers;
using CsvHelper;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Import;

/// <summary>
/// The downloadable error file of an import: every rejected row and every warning with its line, column, severity
/// (<c>error</c>: the row was rejected; <c>warning</c>: it was kept without the value), reason and the raw row, so
/// the merchant can fix and re-upload it. Cells that a spreadsheet would run as a formula are escaped.
/// </summary>
public static class ImportErrorFile
{
    /// <summary>The header of the error file.</summary>
    public static readonly IReadOnlyList<string> Header = ["line", "column", "severity", "reason", "raw_line"];

    /// <summary>Writes the row errors and warnings of import <paramref name="importId"/>, in file order, as UTF-8 CSV.</summary>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteAsync(FunnelDatabase database, int importId, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Line, \"column\", Reason, RawLine, Severity FROM ImportRowErrors WHERE ImportId = @id ORDER BY Line, Id";
        command.AddParameter("id", importId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteRecord([.. Header]);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            csv.WriteRecord(
                reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? "" : reader.GetString(1),
                reader.GetInt32(4) == (int)RowSeverity.Warning ? "warning" : "error",
                reader.GetString(2),
                reader.GetString(3));
            rows++;
        }

        return rows;
    }

    /// <summary>Writes the error file of import <paramref name="importId"/> to <paramref name="path"/>.</summary>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteAsync(FunnelDatabase database, int importId, string path, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        return await WriteAsync(database, importId, file, cancellationToken);
    }
}
