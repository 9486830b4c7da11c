namespace FunnelInsight.Core.Storage.Entities;

/// <summary>A user-defined funnel a store keeps under a name (unique in the store), as its written form.</summary>
public sealed class SavedFunnelRow
{
    /// <summary>Key.</summary>
    public int Id { get; set; }

    /// <summary>The store.</summary>
    public int StoreId { get; set; }

    /// <summary>The name, trimmed; unique in the store without case.</summary>
    public required string Name { get; set; }

    /// <summary>The steps' written form (<c>FunnelDefinitionText</c>).</summary>
    public required string Steps { get; set; }

    /// <summary>The conversion window in hours; null for the query's default.</summary>
    public int? WindowHours { get; set; }

    /// <summary>When it was saved (or last replaced).</summary>
    public DateTime SavedUtc { get; set; }
}
