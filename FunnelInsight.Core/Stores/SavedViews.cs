using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Stores;

/// <summary>
/// Each store's saved report views: a name for a report page and the query of its link, so that every member of the
/// store can open the same filters again. Listed by name, saved (a name already taken is replaced only when asked),
/// and deleted by whoever saved them or an owner of the store. Who may act in the store at all is the callers' rule.
/// </summary>
public sealed class SavedViews(FunnelDatabase database)
{
    /// <summary>The longest name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest query kept (a link longer than this is no view a person would paste).</summary>
    public const int MaxQueryLength = 2000;

    /// <summary>The report pages a view can be saved on, as their path after <c>/stores/{id}/</c>.</summary>
    public static IReadOnlyList<string> Pages { get; } = ["overview", "funnel", "funnel/lost", "leaks", "abandoned", "customers"];

    /// <summary>The store's views, by name.</summary>
    public async Task<IReadOnlyList<SavedView>> ListAsync(int storeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.SavedViews.AsNoTracking().Where(v => v.StoreId == storeId).ToListAsync(cancellationToken);
        return rows.Select(Read).OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Id).ToList();
    }

    /// <summary>Saves the view of <paramref name="page"/> with <paramref name="query"/> under <paramref name="name"/>.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="name">The name (trimmed).</param>
    /// <param name="page">The report page, one of <see cref="Pages"/>.</param>
    /// <param name="query">The link's query, with or without its leading <c>?</c>.</param>
    /// <param name="userId">The account saving it.</param>
    /// <param name="replace">Replace a view of the same name instead of refusing (only the one who saved it, or an owner).</param>
    /// <param name="mayReplaceAny">True for an owner of the store, who may replace a view someone else saved.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The saved view, or why it was not saved.</returns>
    public async Task<SavedViewResult> SaveAsync(int storeId, string name, string page, string query, string userId, bool replace = false,
        bool mayReplaceAny = false, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        query = query.Length == 0 || query.StartsWith('?') ? query : "?" + query;
        if (name.Length is 0 or > MaxNameLength)
        {
            return SavedViewResult.Refused(SavedViewProblem.Name);
        }

        if (!Pages.Contains(page, StringComparer.Ordinal))
        {
            return SavedViewResult.Refused(SavedViewProblem.Page);
        }

        // A query only: it is put after the page's own path, so it can never lead elsewhere.
        if (query.Length > MaxQueryLength || query.Contains('#', StringComparison.Ordinal) || query.Any(char.IsControl) || query == "?")
        {
            return SavedViewResult.Refused(SavedViewProblem.Query);
        }

        await using var context = database.CreateContext();
        var existing = await context.SavedViews.FirstOrDefaultAsync(v => v.StoreId == storeId && v.Name == name, cancellationToken);
        if (existing is not null && (!replace || (existing.SavedBy != userId && !mayReplaceAny)))
        {
            return SavedViewResult.Refused(SavedViewProblem.Taken, Read(existing));
        }

        if (existing is null)
        {
            existing = new SavedViewRow { StoreId = storeId, Name = name, Page = page, Query = query, SavedBy = userId };
            context.SavedViews.Add(existing);
        }

        existing.Name = name;
        existing.Page = page;
        existing.Query = query;
        existing.SavedBy = userId;
        existing.SavedUtc = DateTime.UtcNow;
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two members saving the same new name at once: the unique index decides, the second is told it is taken.
            return SavedViewResult.Refused(SavedViewProblem.Taken);
        }

        return new SavedViewResult(Read(existing), null);
    }

    /// <summary>
    /// Deletes the store's view <paramref name="viewId"/> when <paramref name="userId"/> saved it or
    /// <paramref name="mayDeleteAny"/> (an owner of the store); false when there was no such view or it was not theirs.
    /// </summary>
    public async Task<bool> DeleteAsync(int storeId, int viewId, string userId, bool mayDeleteAny, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.SavedViews
            .Where(v => v.StoreId == storeId && v.Id == viewId && (mayDeleteAny || v.SavedBy == userId))
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static SavedView Read(SavedViewRow row) =>
        new(row.Id, row.Name, row.Page, row.Query, row.SavedBy, DateTime.SpecifyKind(row.SavedUtc, DateTimeKind.Utc));
}

/// <summary>Why a view was not saved.</summary>
public enum SavedViewProblem
{
    /// <summary>The name is empty or longer than <see cref="SavedViews.MaxNameLength"/>.</summary>
    Name,

    /// <summary>The page is not a report page.</summary>
    Page,

    /// <summary>The query is too long or not a query.</summary>
    Query,

    /// <summary>The store has a view of that name (that the caller may not replace, or was not asked to).</summary>
    Taken,
}

/// <summary>A saved view, or why it was not saved (with the view holding the name, when it was taken).</summary>
/// <param name="View">The view as saved; null when refused.</param>
/// <param name="Problem">Why not; null when saved.</param>
/// <param name="Existing">The view that holds the name, for <see cref="SavedViewProblem.Taken"/>.</param>
public sealed record SavedViewResult(SavedView? View, SavedViewProblem? Problem, SavedView? Existing = null)
{
    /// <summary>A refusal.</summary>
    public static SavedViewResult Refused(SavedViewProblem problem, SavedView? existing = null) => new(null, problem, existing);
}
