namespace FunnelInsight.Core.Analytics;

/// <summary>The time buckets of a funnel trend.</summary>
public enum TrendGranularity
{
    /// <summary>No trend.</summary>
    None,

    /// <summary>UTC calendar days.</summary>
    Daily,

    /// <summary>ISO weeks (Monday to Sunday, UTC).</summary>
    Weekly,

    /// <summary>Calendar months.</summary>
    Monthly,

    /// <summary>Chosen from the range's length by <see cref="TrendPeriods.IntervalFor"/>: days, weeks or months.</summary>
    Automatic,
}
