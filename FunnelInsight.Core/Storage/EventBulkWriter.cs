using System.Globalization;
using System.Text;
using FunnelInsight.Core.Import.Events;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Appends events to the store with ids given by the import (see <see cref="StoreRowIds"/>), 32 rows a statement.
/// It checks nothing: the import has already numbered the rows, and repeated events are found and deleted when the
/// session rollups are built.
/// </summary>
/// <remarks>
/// Parameters are bound by position on the native handle (<see cref="PositionalStatement"/>): Microsoft.Data.Sqlite
/// looks every parameter up by name on every execution, which cost more than SQLite's own insert. The store and
/// import ids are written into the statement's text, which saves two binds a row.
/// </remarks>
internal sealed class EventBulkWriter : IDisposable
{
    private const int RowsPerStatement = 32;
    private const int ParametersPerRow = 15;

    private readonly PositionalStatement _many;
    private readonly PositionalStatement _one;

    // The transaction is the connection's own: native statements run inside it.
    public EventBulkWriter(SqliteConnection connection, int storeId, int importId)
    {
        _many = new PositionalStatement(connection, InsertSql(storeId, importId, RowsPerStatement));
        _one = new PositionalStatement(connection, InsertSql(storeId, importId, 1));
    }

    /// <summary>Stores the batch's rows with ids <see cref="EventBatch.FirstId"/> onwards.</summary>
    public unsafe void Write(EventBatch batch)
    {
        // The text is bound in place (SQLITE_STATIC): pinned for the whole batch, and unbound before it may move.
        fixed (byte* text = batch.TextBuffer)
        {
            var i = 0;
            for (; i + RowsPerStatement <= batch.Count; i += RowsPerStatement)
            {
                for (var r = 0; r < RowsPerStatement; r++)
                {
                    Bind(_many, r * ParametersPerRow, batch, i + r, text);
                }

                _many.Execute();
            }

            for (; i < batch.Count; i++)
            {
                Bind(_one, 0, batch, i, text);
                _one.Execute();
            }

            _many.ClearBindings();
            _one.ClearBindings();
        }
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
    }

    private static unsafe void Bind(PositionalStatement statement, int at, EventBatch batch, int i, byte* text)
    {
        ref readonly var row = ref batch[i];
        statement.Bind(at + 1, batch.FirstId + i);
        statement.Bind(at + 2, row.TimeUs);
        statement.Bind(at + 3, row.Line);
        BindText(statement, at + 4, text, row.SessionKey);
        BindText(statement, at + 5, text, row.VisitorKey);
        BindText(statement, at + 6, text, row.EventName);
        BindText(statement, at + 7, text, row.ProductId);
        statement.Bind(at + 8, row.Price);
        statement.Bind(at + 9, row.Quantity);
        BindText(statement, at + 10, text, row.OrderId);
        BindText(statement, at + 11, text, row.Device);
        BindText(statement, at + 12, text, row.Channel);
        BindText(statement, at + 13, text, row.Country);
        statement.Bind(at + 14, row.PageLoadMs);
        statement.Bind(at + 15, row.IdentityHash);
    }

    private static unsafe void BindText(PositionalStatement statement, int index, byte* text, TextRange range) =>
        statement.BindPinned(index, text + range.Offset, range.Length);

    private static string InsertSql(int storeId, int importId, int rows)
    {
        var sql = new StringBuilder("""
            INSERT INTO Events (Id, StoreId, ImportId, TimeUs, Line, SessionKey, VisitorKey, EventName, ProductId, Price,
                Quantity, OrderId, Device, Channel, Country, PageLoadMs, IdentityHash) VALUES
            """);
        for (var r = 0; r < rows; r++)
        {
            var p = r * ParametersPerRow;
            sql.Append(CultureInfo.InvariantCulture, $"{(r == 0 ? "" : ",")}(?{p + 1},{storeId},{importId}");
            for (var k = 2; k <= ParametersPerRow; k++)
            {
                sql.Append(CultureInfo.InvariantCulture, $",?{p + k}");
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
