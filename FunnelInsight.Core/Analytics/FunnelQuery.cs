using FunnelInsight.Core.Analytics.Funnel.Defined;

namespace FunnelInsight.Core.Analytics;

/// <summary>
/// What a funnel, leak, abandonment or friction question is asked about: a store, a date range of session
/// starts, filters, and how to count. Every property has the design's default.
/// </summary>
/// <param name="StoreId">The store.</param>
public sealed record FunnelQuery(int StoreId)
{
    /// <summary>First day (UTC) whose sessions count; null for no lower bound.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (UTC, inclusive) whose sessions count; null for no upper bound.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only sessions with this device (case-insensitive); null for all.</summary>
    public string? Device { get; init; }

    /// <summary>Only sessions with this channel (case-insensitive); null for all.</summary>
    public string? Channel { get; init; }

    /// <summary>Only sessions with this country (case-insensitive); null for all.</summary>
    public string? Country { get; init; }

    /// <summary>Split the funnel by this dimension; null for no breakdown.</summary>
    public FunnelDimension? Breakdown { get; init; }

    /// <summary>Ordered (closed, the default) or open funnel.</summary>
    public FunnelMode Mode { get; init; } = FunnelMode.Ordered;

    /// <summary>Count sessions (the default) or visitors.</summary>
    public FunnelScope Scope { get; init; } = FunnelScope.Session;

    /// <summary>
    /// Conversion window in hours from the unit's first landing: in visitor scope, null for the store's setting (7 days);
    /// a user-defined funnel (<see cref="Steps"/>) also cuts sessions at it, where null is the whole session.
    /// </summary>
    public int? WindowHours { get; init; }

    /// <summary>The steps of a user-defined funnel, counted over the raw events; null for the five-stage funnel.</summary>
    public FunnelDefinition? Steps { get; init; }

    /// <summary>Trend granularity; <see cref="TrendGranularity.None"/> (the default) computes no trend.</summary>
    public TrendGranularity Trend { get; init; } = TrendGranularity.None;

    /// <summary>The filter value set for <paramref name="dimension"/>, or null.</summary>
    public string? Filter(FunnelDimension dimension) => dimension switch
    {
        FunnelDimension.Device => Device,
        FunnelDimension.Channel => Channel,
        _ => Country,
    };
}
