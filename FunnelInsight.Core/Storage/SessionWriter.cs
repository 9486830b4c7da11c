using FunnelInsight.Core.Storage.Entities;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>Writes session rollups, 16 rows a statement, bound by position (see <see cref="PositionalStatement"/>).</summary>
internal sealed class SessionWriter(SqliteConnection connection) : IDisposable
{
    private const string Head = """
        INSERT INTO Sessions (Id, StoreId, SessionKey, VisitorKey, StartUs, EndUs, Device, Channel, Country, OrderedDepth,
            ProductUs, CartUs, CheckoutUs, PurchaseUs, OpenMask, StepMask, LastStep, SignalMask, ExitSignal, LastEventName,
            CartValue, CartItems, PurchaseValue, EventCount, AvgPageLoadMs, StagePath) VALUES
        """;

    private readonly BatchInsert _insert = new(connection, Head, rowsPerStatement: 16, parametersPerRow: 26, p => $"({string.Join(", ", p)})");

    /// <summary>Deletes every session rollup of the store, before they are written anew.</summary>
    public static void DeleteStore(SqliteConnection connection, SqliteTransaction transaction, int storeId) =>
        StoreRowIds.Delete(connection, transaction, "Sessions", storeId);

    /// <summary>Stores <paramref name="sessions"/> with ids <paramref name="firstId"/> onwards (see <see cref="StoreRowIds"/>).</summary>
    public void Write(IReadOnlyList<SessionSummary> sessions, long firstId) =>
        _insert.Write(sessions.Count, (statement, at, i) => Bind(statement, at, firstId + i, sessions[i]));

    public void Dispose() => _insert.Dispose();

    private static void Bind(PositionalStatement insert, int at, long id, SessionSummary s)
    {
        insert.Bind(at + 1, id);
        insert.Bind(at + 2, s.StoreId);
        insert.Bind(at + 3, s.SessionKey);
        insert.Bind(at + 4, s.VisitorKey);
        insert.Bind(at + 5, s.StartUs);
        insert.Bind(at + 6, s.EndUs);
        insert.Bind(at + 7, s.Device);
        insert.Bind(at + 8, s.Channel);
        insert.Bind(at + 9, s.Country);
        insert.Bind(at + 10, s.OrderedDepth);
        insert.Bind(at + 11, s.ProductUs);
        insert.Bind(at + 12, s.CartUs);
        insert.Bind(at + 13, s.CheckoutUs);
        insert.Bind(at + 14, s.PurchaseUs);
        insert.Bind(at + 15, s.OpenMask);
        insert.Bind(at + 16, s.StepMask);
        insert.Bind(at + 17, s.LastStep);
        insert.Bind(at + 18, s.SignalMask);
        insert.Bind(at + 19, s.ExitSignal);
        insert.Bind(at + 20, s.LastEventName);
        insert.Bind(at + 21, s.CartValue);
        insert.Bind(at + 22, s.CartItems);
        insert.Bind(at + 23, s.PurchaseValue);
        insert.Bind(at + 24, s.EventCount);
        insert.Bind(at + 25, s.AvgPageLoadMs);
        insert.Bind(at + 26, s.StagePath);
    }
}
