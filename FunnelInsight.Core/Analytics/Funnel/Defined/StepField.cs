namespace FunnelInsight.Core.Analytics.Funnel.Defined;

/// <summary>An event field a user-defined step can be narrowed by.</summary>
public enum StepField
{
    /// <summary>The product id (compared exactly).</summary>
    Product,

    /// <summary>The event's device (compared without case).</summary>
    Device,

    /// <summary>The event's channel (compared without case).</summary>
    Channel,

    /// <summary>The event's country (compared without case).</summary>
    Country,
}
