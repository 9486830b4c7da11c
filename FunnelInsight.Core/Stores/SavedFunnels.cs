using FunnelInsight.Core.Analytics.Funnel.Defined;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Stores;

/// <summary>
/// Each store's saved user-defined funnels: listed by name, saved (a name already taken is replaced only when asked),
/// deleted, and looked up by the <c>funnel</c> key of the funnel report. Who may save and delete is the callers'
/// rule (the store's Owner, as for its settings).
/// </summary>
public sealed class SavedFunnels(FunnelDatabase database)
{
    /// <summary>The longest name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The store's funnels, by name.</summary>
    public async Task<IReadOnlyList<SavedFunnel>> ListAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.SavedFunnels.AsNoTracking().Where(f => f.StoreId == storeId).ToListAsync(cancellationToken);
        return rows.Select(Read).OfType<SavedFunnel>().OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The store's funnel called <paramref name="name"/> (without case), or null.</summary>
    public async Task<SavedFunnel?> FindAsync(int storeId, string name, CancellationToken cancellationToken = default) =>
        (await ListAsync(storeId, cancellationToken)).FirstOrDefault(f => f.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Saves a funnel under <paramref name="name"/>; returns why not, or null when it was saved.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="name">The name (trimmed).</param>
    /// <param name="steps">The steps.</param>
    /// <param name="windowHours">The window; null for the query's default.</param>
    /// <param name="replace">Replace a funnel of the same name instead of refusing.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<string?> SaveAsync(int storeId, string name, FunnelDefinition steps, int? windowHours, bool replace, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return $"A saved funnel needs a name of 1 to {MaxNameLength} characters.";
        }

        if (windowHours is < 1 or > StoreSettings.MaxConversionWindowHours)
        {
            return $"The window is 1 to {StoreSettings.MaxConversionWindowHours} hours.";
        }

        await using var context = database.CreateContext();
        var existing = await context.SavedFunnels.FirstOrDefaultAsync(f => f.StoreId == storeId && f.Name == name, cancellationToken);
        if (existing is not null && !replace)
        {
            return $"The store already has a funnel called '{existing.Name}'.";
        }

        if (existing is null)
        {
            existing = new SavedFunnelRow { StoreId = storeId, Name = name, Steps = "" };
            context.SavedFunnels.Add(existing);
        }

        existing.Name = name;
        existing.Steps = steps.Text;
        existing.WindowHours = windowHours;
        existing.SavedUtc = DateTime.UtcNow;
        await context.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Deletes the store's funnel called <paramref name="name"/>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(int storeId, string name, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var trimmed = name.Trim();
        return await context.SavedFunnels.Where(f => f.StoreId == storeId && f.Name == trimmed).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// The filter with the saved funnel its <c>funnel</c> key names put in its question (its steps, and its window unless
    /// the filter gives one); a name the store does not have, or steps given as well, is a problem of the filter.
    /// </summary>
    public async Task<ReportFilter> ResolveAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        if (!filter.Others.TryGetValue(ReportFilters.FunnelKey, out var name))
        {
            return filter;
        }

        var saved = filter.Query.Steps is null ? await FindAsync(filter.Query.StoreId, name, cancellationToken) : null;
        if (saved is null)
        {
            var problem = filter.Query.Steps is not null
                ? $"Give '{ReportFilters.StepsKey}' or '{ReportFilters.FunnelKey}', not both."
                : $"The store has no saved funnel called '{name}'.";
            return filter with { Problems = [.. filter.Problems, new FilterProblem(ReportFilters.FunnelKey, name, problem)] };
        }

        return filter with { Query = filter.Query with { Steps = saved.Steps, WindowHours = filter.Query.WindowHours ?? saved.WindowHours } };
    }

    // A row whose text no longer reads (written by a later version) is left out rather than failing the list.
    private static SavedFunnel? Read(SavedFunnelRow row) =>
        FunnelDefinition.Parse(row.Steps).Definition is { } steps ? new SavedFunnel(row.Name, steps, row.WindowHours, DateTime.SpecifyKind(row.SavedUtc, DateTimeKind.Utc)) : null;
}
