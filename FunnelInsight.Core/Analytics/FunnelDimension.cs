namespace FunnelInsight.Core.Analytics;

/// <summary>A session attribute that funnels can be filtered and broken down by.</summary>
public enum FunnelDimension
{
    /// <summary>Device category (mobile, desktop, tablet).</summary>
    Device = 0,

    /// <summary>Channel or traffic source.</summary>
    Channel = 1,

    /// <summary>Country.</summary>
    Country = 2,
}
