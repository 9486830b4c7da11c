using FunnelInsight.Core.Import;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Stores;

/// <summary>Finds, creates, lists and deletes stores.</summary>
public sealed class StoreCatalog(FunnelDatabase database)
{
    /// <summary>The one store called <paramref name="name"/>; null when there is none, or several (of different owners).</summary>
    public async Task<NamedStore?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        await FindAllAsync(name, cancellationToken) is [var only] ? only : null;

    /// <summary>Every store called <paramref name="name"/> (one per owner at most), by id.</summary>
    public async Task<IReadOnlyList<NamedStore>> FindAllAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Stores.AsNoTracking().Where(s => s.Name == name.Trim()).OrderBy(s => s.Id)
            .Select(s => new NamedStore(s.Id, s.Name, s.OwnerId)).ToListAsync(cancellationToken);
    }

    /// <summary>The store called <paramref name="name"/> that <paramref name="ownerId"/> created ("" for the operator's), or null.</summary>
    public async Task<NamedStore?> FindOwnedAsync(string name, string ownerId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Stores.AsNoTracking().Where(s => s.Name == name.Trim() && s.OwnerId == ownerId)
            .Select(s => new NamedStore(s.Id, s.Name, s.OwnerId)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The operator's store called <paramref name="name"/> (created without an account), created when there is none.</summary>
    public Task<NamedStore> GetOrCreateAsync(string name, CancellationToken cancellationToken = default) => GetOrCreateAsync(name, "", cancellationToken);

    /// <summary>The store called <paramref name="name"/> of <paramref name="ownerId"/>, created (owned by them) when they have none.</summary>
    public async Task<NamedStore> GetOrCreateAsync(string name, string ownerId, CancellationToken cancellationToken = default) =>
        await FindOwnedAsync(name, ownerId, cancellationToken) ?? await CreateAsync(name, ownerId, cancellationToken)
        ?? await FindOwnedAsync(name, ownerId, cancellationToken) ?? throw new InvalidOperationException("The store was created and deleted at once.");

    /// <summary>
    /// A new store called <paramref name="name"/> owned by <paramref name="ownerId"/>; null when they already have a store
    /// of that name (another owner's store of the same name is no obstacle).
    /// </summary>
    public async Task<NamedStore?> CreateAsync(string name, string ownerId, CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        ArgumentException.ThrowIfNullOrEmpty(trimmed, nameof(name));
        await using var context = database.CreateContext();
        var store = new Store { Name = trimmed, OwnerId = ownerId, CreatedUtc = DateTime.UtcNow };
        context.Stores.Add(store);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (database.Provider.IsConstraintViolation(ex.InnerException))
        {
            // The owner's unique (OwnerId, Name) index: checked by the database, so two creations at once cannot both win.
            return null;
        }

        return new NamedStore(store.Id, store.Name, store.OwnerId);
    }

    /// <summary>
    /// The store's data version: it goes up with every import, import deletion and settings change that moves the
    /// store's figures, so a page showing them can tell they are out of date. Null when there is no such store.
    /// </summary>
    public async Task<long?> DataVersionAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Stores.AsNoTracking().Where(s => s.Id == storeId).Select(s => (long?)s.DataVersion).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every store with its event, order and session counts, by name.</summary>
    public async Task<IReadOnlyList<StoreOverview>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var stores = await context.Stores.AsNoTracking()
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, Orders = context.Orders.LongCount(o => o.StoreId == s.Id) })
            .ToListAsync(cancellationToken);
        var stored = await database.Events.CountAsync(cancellationToken);
        return stores.ConvertAll(s =>
        {
            var counts = stored.GetValueOrDefault(s.Id);
            return new StoreOverview(s.Id, s.Name, counts.Events, s.Orders, counts.Sessions);
        });
    }

    /// <summary>
    /// Deletes a store and everything it holds: events, sessions and repeat records (the store's event engine), orders,
    /// imports and their row errors, memberships, API tokens limited to it, and its files. Waits for the write turn
    /// (an import of any store ends first, calling <paramref name="waiting"/> once), then refuses while an import into
    /// the store is still running or waiting.
    /// </summary>
    public async Task<DeletionOutcome> DeleteAsync(int storeId, Action? waiting = null, CancellationToken cancellationToken = default)
    {
        var outcome = await Task.Run(
            async () =>
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                using var transaction = database.BeginWrite(connection, waiting, cancellationToken);
                if (Scalar(connection, transaction, "SELECT COUNT(*) FROM Stores WHERE Id = @store", storeId) == 0)
                {
                    return DeletionOutcome.NotFound;
                }

                if (Scalar(connection, transaction, $"SELECT COUNT(*) FROM Imports WHERE StoreId = @store AND Status = {(int)ImportStatus.Running}", storeId) > 0)
                {
                    return DeletionOutcome.ImportRunning;
                }

                // Children first and explicitly, rather than through the foreign keys' cascades, so that one statement
                // per table does the work instead of one row lookup per deleted child.
                using var write = new StoreWrite(connection, transaction, storeId);
                database.Events.DeleteStore(write);
                foreach (var statement in DeleteStatements)
                {
                    Scalar(connection, transaction, statement, storeId);
                }

                write.Commit();
                return DeletionOutcome.Deleted;
            },
            cancellationToken);

        var folder = database.StoreFilesFolder(storeId);
        if (outcome == DeletionOutcome.Deleted && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return outcome;
    }

    private static readonly string[] DeleteStatements =
    [
        "DELETE FROM ImportRowErrors WHERE ImportId IN (SELECT Id FROM Imports WHERE StoreId = @store)",
        "DELETE FROM Orders WHERE StoreId = @store",
        "DELETE FROM Imports WHERE StoreId = @store",
        "DELETE FROM StoreMembers WHERE StoreId = @store",
        "DELETE FROM ApiTokens WHERE StoreId = @store",
        "DELETE FROM SavedFunnels WHERE StoreId = @store",
        "DELETE FROM SavedViews WHERE StoreId = @store",
        "DELETE FROM Stores WHERE Id = @store",
    ];

    private static long Scalar(DbConnection connection, DbTransaction transaction, string sql, int storeId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("store", storeId);
        return sql.StartsWith("SELECT", StringComparison.Ordinal) ? (long)command.ExecuteScalar()! : command.ExecuteNonQuery();
    }
}
