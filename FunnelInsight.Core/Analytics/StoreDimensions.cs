namespace FunnelInsight.Core.Analytics;

/// <summary>The values a store's sessions carry for each filter dimension, for filter choices.</summary>
/// <param name="Devices">Device values, sorted.</param>
/// <param name="Channels">Channel values, sorted.</param>
/// <param name="Countries">Country values, sorted.</param>
public sealed record StoreDimensions(IReadOnlyList<string> Devices, IReadOnlyList<string> Channels, IReadOnlyList<string> Countries)
{
    /// <summary>The values of <paramref name="dimension"/>.</summary>
    public IReadOnlyList<string> Of(FunnelDimension dimension) => dimension switch
    {
        FunnelDimension.Device => Devices,
        FunnelDimension.Channel => Channels,
        _ => Countries,
    };
}
