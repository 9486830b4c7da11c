namespace FunnelInsight.Core.Analytics;

/// <summary>What a store's sessions carry: the values of each filter dimension and the days they span.</summary>
/// <param name="Devices">Device values, sorted.</param>
/// <param name="Channels">Channel values, sorted.</param>
/// <param name="Countries">Country values, sorted.</param>
/// <param name="FirstDay">The UTC day the first session started; null without sessions.</param>
/// <param name="LastDay">The UTC day the last session started; null without sessions.</param>
public sealed record StoreDimensions(
    IReadOnlyList<string> Devices,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Countries,
    DateOnly? FirstDay,
    DateOnly? LastDay)
{
    /// <summary>The values of <paramref name="dimension"/>.</summary>
    public IReadOnlyList<string> Of(FunnelDimension dimension) => dimension switch
    {
        FunnelDimension.Device => Devices,
        FunnelDimension.Channel => Channels,
        _ => Countries,
    };
}
