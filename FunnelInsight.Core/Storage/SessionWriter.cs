using FunnelInsight.Core.Storage.Entities;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage;

/// <summary>Writes session rollups through one prepared insert, bound by position (see <see cref="PositionalStatement"/>).</summary>
internal sealed class SessionWriter : IDisposable
{
    private const string Insert = """
        INSERT INTO Sessions (Id, StoreId, SessionKey, VisitorKey, StartUs, EndUs, Device, Channel, Country, OrderedDepth,
            ProductUs, CartUs, CheckoutUs, PurchaseUs, OpenMask, StepMask, LastStep, SignalMask, ExitSignal, LastEventName,
            CartValue, CartItems, PurchaseValue, EventCount, AvgPageLoadMs, StagePath)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
            ?24, ?25, ?26)
        """;

    private readonly PositionalStatement _insert;

    /// <summary>Prepares the insert on <paramref name="connection"/>; rows go into its open transaction.</summary>
    public SessionWriter(SqliteConnection connection) => _insert = new PositionalStatement(connection, Insert);

    /// <summary>Deletes every session rollup of the store, before they are written anew.</summary>
    public static void DeleteStore(SqliteConnection connection, SqliteTransaction transaction, int storeId) =>
        StoreRowIds.Delete(connection, transaction, "Sessions", storeId);

    /// <summary>Stores <paramref name="s"/> with the given id (see <see cref="StoreRowIds"/>).</summary>
    public void Write(long id, SessionSummary s)
    {
        _insert.Bind(1, id);
        _insert.Bind(2, s.StoreId);
        _insert.Bind(3, s.SessionKey);
        _insert.Bind(4, s.VisitorKey);
        _insert.Bind(5, s.StartUs);
        _insert.Bind(6, s.EndUs);
        _insert.Bind(7, s.Device);
        _insert.Bind(8, s.Channel);
        _insert.Bind(9, s.Country);
        _insert.Bind(10, s.OrderedDepth);
        _insert.Bind(11, s.ProductUs);
        _insert.Bind(12, s.CartUs);
        _insert.Bind(13, s.CheckoutUs);
        _insert.Bind(14, s.PurchaseUs);
        _insert.Bind(15, s.OpenMask);
        _insert.Bind(16, s.StepMask);
        _insert.Bind(17, s.LastStep);
        _insert.Bind(18, s.SignalMask);
        _insert.Bind(19, s.ExitSignal);
        _insert.Bind(20, s.LastEventName);
        _insert.Bind(21, s.CartValue);
        _insert.Bind(22, s.CartItems);
        _insert.Bind(23, s.PurchaseValue);
        _insert.Bind(24, s.EventCount);
        _insert.Bind(25, s.AvgPageLoadMs);
        _insert.Bind(26, s.StagePath);
        _insert.Execute();
    }

    public void Dispose() => _insert.Dispose();
}
