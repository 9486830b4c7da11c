namespace FunnelInsight.Core.Samples;

/// <summary>A generated visitor: their id, usual device and country, and how many sessions they have had.</summary>
internal sealed class SampleVisitor(long id, int device, int country)
{
    public long Id { get; } = id;

    public int Device { get; } = device;

    public int Country { get; } = country;

    public int Sessions { get; set; }
}
