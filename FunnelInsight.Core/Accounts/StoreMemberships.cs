using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Accounts;

/// <summary>Grants, changes, removes and looks up users' memberships of stores.</summary>
public sealed class StoreMemberships(FunnelDatabase database)
{
    /// <summary>Makes <paramref name="userId"/> a member of <paramref name="storeId"/> with <paramref name="role"/> (changing the role of an existing member).</summary>
    /// <exception cref="ArgumentException">The store does not exist.</exception>
    public async Task SetAsync(int storeId, string userId, StoreRole role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var context = database.CreateContext();
        if (!await context.Stores.AnyAsync(s => s.Id == storeId, cancellationToken))
        {
            throw new ArgumentException($"Store {storeId} does not exist.", nameof(storeId));
        }

        var member = await context.StoreMembers.FirstOrDefaultAsync(m => m.StoreId == storeId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            context.StoreMembers.Add(new StoreMember { StoreId = storeId, UserId = userId, Role = role, AddedUtc = DateTime.UtcNow });
        }
        else
        {
            member.Role = role;
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a membership; false when there was none.</summary>
    public async Task<bool> RemoveAsync(int storeId, string userId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.StoreMembers.Where(m => m.StoreId == storeId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>The user's membership of the store, or null when they are not a member (or the store does not exist).</summary>
    public async Task<MemberStore?> FindAsync(string userId, int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await Query(context, userId, storeId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The stores the user belongs to, by name.</summary>
    public async Task<IReadOnlyList<MemberStore>> StoresOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await Query(context, userId, null).ToListAsync(cancellationToken);
    }

    /// <summary>The members of a store, owners first.</summary>
    public async Task<IReadOnlyList<StoreMember>> MembersOfAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.StoreMembers.AsNoTracking().Where(m => m.StoreId == storeId)
            .OrderByDescending(m => m.Role).ThenBy(m => m.AddedUtc).ToListAsync(cancellationToken);
    }

    /// <summary>The ids of the stores that have at least one member (a store without members belongs to whoever runs the command line).</summary>
    public async Task<IReadOnlySet<int>> StoresWithMembersAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return (await context.StoreMembers.Select(m => m.StoreId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>
    /// The stores without any member, by name, each with the <see cref="StoreRole.Owner"/> role: such a store belongs to
    /// whoever runs the command line on the database (and to a running dashboard's operator, see the README).
    /// </summary>
    public async Task<IReadOnlyList<MemberStore>> MemberlessStoresAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Stores.AsNoTracking()
            .Where(s => !context.StoreMembers.Any(m => m.StoreId == s.Id))
            .OrderBy(s => s.Name)
            .Select(s => new MemberStore(s.Id, s.Name, StoreRole.Owner))
            .ToListAsync(cancellationToken);
    }

    // Filter and order before projecting: EF cannot translate members of a record built by its constructor.
    private static IQueryable<MemberStore> Query(FunnelDbContext context, string userId, int? storeId) =>
        from m in context.StoreMembers.AsNoTracking()
        join s in context.Stores on m.StoreId equals s.Id
        where m.UserId == userId && (storeId == null || s.Id == storeId)
        orderby s.Name
        select new MemberStore(s.Id, s.Name, m.Role);
}
