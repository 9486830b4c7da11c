using FunnelInsight.Core.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FunnelInsight.Core.Stores;

/// <summary>Finds, creates, lists and deletes stores.</summary>
public sealed class StoreCatalog(FunnelDatabase database)
{
    /// <summary>The store called <paramref name="name"/>, or null.</summary>
    public async Task<Store?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name.Trim(), cancellationToken);
    }

    /// <summary>The store called <paramref name="name"/>, created when there is none.</summary>
    public async Task<Store> GetOrCreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        ArgumentException.ThrowIfNullOrEmpty(trimmed, nameof(name));
        await using var context = database.CreateContext();
        var store = await context.Stores.FirstOrDefaultAsync(s => s.Name == trimmed, cancellationToken);
        if (store is null)
        {
            store = new Store { Name = trimmed, CreatedUtc = DateTime.UtcNow };
            context.Stores.Add(store);
            await context.SaveChangesAsync(cancellationToken);
        }

        return store;
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
    /// Deletes a store and everything it holds: events, orders, sessions, imports and their row errors,
    /// memberships, API tokens limited to it, and its files. False when there is no such store.
    /// </summary>
    public async Task<bool> DeleteAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        // Children first and explicitly, rather than through the foreign keys' cascades, so that one
        // statement per table does the work instead of one row lookup per deleted child.
        await context.ImportRowErrors.Where(e => context.Imports.Any(i => i.Id == e.ImportId && i.StoreId == storeId)).ExecuteDeleteAsync(cancellationToken);
        using var write = new StoreWrite((SqliteConnection)context.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction(), storeId);
        database.Events.DeleteStore(write);
        await context.Orders.Where(o => o.StoreId == storeId).ExecuteDeleteAsync(cancellationToken);
        await context.Imports.Where(i => i.StoreId == storeId).ExecuteDeleteAsync(cancellationToken);
        await context.StoreMembers.Where(m => m.StoreId == storeId).ExecuteDeleteAsync(cancellationToken);
        await context.ApiTokens.Where(t => t.StoreId == storeId).ExecuteDeleteAsync(cancellationToken);
        var deleted = await context.Stores.Where(s => s.Id == storeId).ExecuteDeleteAsync(cancellationToken) > 0;
        write.Commit();

        var folder = database.StoreFilesFolder(storeId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return deleted;
    }
}
