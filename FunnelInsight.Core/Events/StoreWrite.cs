using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Events;

/// <summary>
/// A write to one store's events inside a transaction of the application database (an import's record, a settings
/// change, a deletion). An engine that keeps events elsewhere enlists its part (<see cref="Enlist"/>), and
/// <see cref="Commit"/> commits both together: the engine's part prepares (it commits with a marker that names the
/// write), the application database commits, then the engine clears its marker. A kill between the two leaves a marker
/// that the next start reconciles against the application database.
/// </summary>
/// <param name="connection">The application database's open connection.</param>
/// <param name="transaction">Its write transaction.</param>
/// <param name="storeId">The store written.</param>
internal sealed class StoreWrite(DbConnection connection, DbTransaction transaction, int storeId) : IDisposable
{
    private readonly List<IEnlistedWrite> _parts = [];

    /// <summary>The application database's open connection.</summary>
    public DbConnection Connection { get; } = connection;

    /// <summary>Its write transaction.</summary>
    public DbTransaction Transaction { get; } = transaction;

    /// <summary>The store written.</summary>
    public int StoreId { get; } = storeId;

    /// <summary>Makes <paramref name="part"/> commit with this write; the write disposes it.</summary>
    public void Enlist(IEnlistedWrite part) => _parts.Add(part);

    /// <summary>Commits the write: the engines' parts with the application database's transaction.</summary>
    public void Commit()
    {
        foreach (var part in _parts)
        {
            part.Prepare();
        }

        Transaction.Commit();
        foreach (var part in _parts)
        {
            part.Committed();
        }
    }

    /// <summary>Rolls back what has not been committed.</summary>
    public void Dispose()
    {
        foreach (var part in _parts)
        {
            part.Dispose();
        }
    }
}

/// <summary>An engine's part of a <see cref="StoreWrite"/>; disposed without <see cref="Prepare"/>, it rolls back.</summary>
internal interface IEnlistedWrite : IDisposable
{
    /// <summary>Makes the part durable, marked as not yet confirmed by the application database.</summary>
    void Prepare();

    /// <summary>Told that the application database committed: the part is confirmed.</summary>
    void Committed();
}
