namespace FunnelInsight.Core.Storage.Entities;

/// <summary>A report view a store keeps under a name (unique in the store): the report page and its link's query.</summary>
public sealed class SavedViewRow
{
    /// <summary>Key.</summary>
    public int Id { get; set; }

    /// <summary>The store.</summary>
    public int StoreId { get; set; }

    /// <summary>The name, trimmed; unique in the store without case.</summary>
    public required string Name { get; set; }

    /// <summary>The report page, one of <see cref="Stores.SavedViews.Pages"/> (<c>funnel</c>, <c>funnel/lost</c>, …).</summary>
    public required string Page { get; set; }

    /// <summary>The page link's query, with its leading <c>?</c>, or empty.</summary>
    public required string Query { get; set; }

    /// <summary>The account that saved it (Identity user id), who may delete it besides the store's owners.</summary>
    public required string SavedBy { get; set; }

    /// <summary>When it was saved (or last replaced).</summary>
    public DateTime SavedUtc { get; set; }
}
