using System.Globalization;
using System.Text;
using FunnelInsight.Core.Reports;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Import;

/// <summary>
/// Writes an import's row errors as the downloadable error CSV (<c>line,column,reason,row</c>), streamed from
/// the database, with every cell neutralised against formula injection (the raw rows are the merchant's data).
/// </summary>
public sealed class RowErrorFile(FunnelDatabase database)
{
    /// <summary>
    /// Writes the errors of import <paramref name="importId"/> of store <paramref name="storeId"/>; false, writing
    /// nothing, when the store has no such import (an import id from another store is treated as unknown).
    /// </summary>
    public async Task<bool> WriteCsvAsync(int storeId, int importId, Stream output, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Imports WHERE Id = $import AND StoreId = $store";
        command.Parameters.AddWithValue("$import", importId);
        command.Parameters.AddWithValue("$store", storeId);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = "SELECT Line, Column, Reason, RawLine FROM ImportRowErrors WHERE ImportId = $import ORDER BY Line, Id";
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteAsync("line,column,reason,row\n");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.WriteAsync(string.Join(',',
                reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                SpreadsheetCell.CsvField(reader.IsDBNull(1) ? null : reader.GetString(1)),
                SpreadsheetCell.CsvField(reader.GetString(2)),
                SpreadsheetCell.CsvField(reader.GetString(3))) + "\n");
        }

        return true;
    }
}
