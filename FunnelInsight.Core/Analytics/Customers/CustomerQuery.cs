namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>What a customer report covers.</summary>
/// <param name="StoreId">The store.</param>
public sealed record CustomerQuery(int StoreId)
{
    /// <summary>First day (UTC) of orders to count; null for no lower bound.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (UTC, inclusive) of orders to count; null for no upper bound.</summary>
    public DateOnly? To { get; init; }

    /// <summary>A customer whose last order is more than this many days before <see cref="AsOf"/> is inactive.</summary>
    public int InactiveDays { get; init; } = 90;

    /// <summary>The day inactivity is measured at (its end, UTC); null for the day of the latest order counted.</summary>
    public DateOnly? AsOf { get; init; }
}
