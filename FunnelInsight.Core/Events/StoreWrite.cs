using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Events;

/// <summary>
/// A write to one store's events inside a transaction of the application database (an import's record, a settings
/// change, a deletion): the event store's part and the application data commit together, through <see cref="Commit"/>.
/// </summary>
/// <param name="Connection">The application database's open connection.</param>
/// <param name="Transaction">Its write transaction.</param>
/// <param name="StoreId">The store written.</param>
internal sealed record StoreWrite(SqliteConnection Connection, SqliteTransaction Transaction, int StoreId)
{
    /// <summary>Commits the write: the event store's part with the application database's transaction.</summary>
    public void Commit() => Transaction.Commit();
}
