using System.Globalization;
using FunnelInsight.Core.Import.Events;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Appends events to the store with ids given by the import (see <see cref="StoreRowIds"/>), 32 rows a statement.
/// It checks nothing: the import has already numbered the rows, and repeated events are found and deleted when the
/// session rollups are built.
/// </summary>
/// <remarks>
/// The store and import ids are written into the statement's text, which saves two binds a row; the batch's text is
/// bound in place, without a copy.
/// </remarks>
internal sealed class EventBulkWriter(SqliteConnection connection, int storeId, int importId) : IDisposable
{
    private const string Head = """
        INSERT INTO Events (Id, StoreId, ImportId, TimeUs, Line, SessionKey, VisitorKey, EventName, ProductId, Price,
            Quantity, OrderId, Device, Channel, Country, PageLoadMs, IdentityHash) VALUES
        """;

    private readonly BatchInsert _insert = new(connection, Head, rowsPerStatement: 32, parametersPerRow: 15,
        p => $"({p[0]}, {storeId.ToString(CultureInfo.InvariantCulture)}, {importId.ToString(CultureInfo.InvariantCulture)}, {string.Join(", ", p[1..])})");

    /// <summary>Stores the batch's rows with ids <see cref="EventBatch.FirstId"/> onwards.</summary>
    public unsafe void Write(EventBatch batch)
    {
        // SQLITE_STATIC text: pinned for the whole batch, and unbound before the buffer may move.
        fixed (byte* text = batch.TextBuffer)
        {
            var address = (nint)text;
            _insert.Write(batch.Count, (statement, at, i) => Bind(statement, at, batch, i, (byte*)address));
            _insert.ClearBindings();
        }
    }

    public void Dispose() => _insert.Dispose();

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
}
