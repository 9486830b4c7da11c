using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Stores;

/// <summary>Finds, creates and lists stores.</summary>
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
                context.Events.LongCount(e => e.StoreId == s.Id),
                context.Orders.LongCount(o => o.StoreId == s.Id),
                context.Sessions.LongCount(x => x.StoreId == s.Id)))
            .ToListAsync(cancellationToken);
    }
}
