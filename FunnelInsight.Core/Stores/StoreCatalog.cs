using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

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
        return await context.Stores.AsNoTracking()
            .OrderBy(s => s.Name)
            .Select(s => new StoreOverview(
                s.Id,
                s.Name,
                context.EventBlocks.Where(b => b.Id >= s.Id * StoreRowIds.PerStore && b.Id < (s.Id + 1) * StoreRowIds.PerStore).Sum(b => (long)b.EventCount),
                context.Orders.LongCount(o => o.StoreId == s.Id),
                context.SessionBlocks.Where(b => b.Id >= s.Id * StoreRowIds.PerStore && b.Id < (s.Id + 1) * StoreRowIds.PerStore).Sum(b => (long)b.SessionCount)))
            .ToListAsync(cancellationToken);
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
        var (firstRow, lastRow) = (StoreRowIds.First(storeId), StoreRowIds.Last(storeId));
        await context.EventBlocks.Where(b => b.Id >= firstRow && b.Id <= lastRow).ExecuteDeleteAsync(cancellationToken);
        await context.SessionBlocks.Where(b => b.Id >= firstRow && b.Id <= lastRow).ExecuteDeleteAsync(cancellationToken);
        await context.Orders.Where(o => o.StoreId == storeId).ExecuteDeleteAsync(cancellationToken);
        await context.Imports.Where(i => i.StoreId == storeId).ExecuteDeleteAsync(cancellationToken);
        await context.StoreMembers.Where(m => m.StoreId == storeId).ExecuteDeleteAsync(cancellationToken);
        await context.ApiTokens.Where(t => t.StoreId == storeId).ExecuteDeleteAsync(cancellationToken);
        var deleted = await context.Stores.Where(s => s.Id == storeId).ExecuteDeleteAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);

        var folder = database.StoreFilesFolder(storeId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return deleted;
    }
}
