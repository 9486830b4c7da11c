namespace FunnelInsight.Core.Samples;

/// <summary>One generated event of a session (product −1 for none).</summary>
internal readonly record struct SampleEvent(
    long Seconds, string Name, int Product, long? PriceCents, int? Quantity, long? OrderNumber, int? PageLoadMs);
