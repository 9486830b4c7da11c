namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// What the rollup builder needs of one event, as UTF-8 text. Null text fields are empty spans with their
/// <c>Has…</c> flag off, so an empty value and a missing one stay apart.
/// </summary>
internal readonly ref struct PartitionedEvent
{
    public required long Id { get; init; }

    public required long TimeUs { get; init; }

    public required long IdentityHash { get; init; }

    public double? Price { get; init; }

    public int? Quantity { get; init; }

    public int? PageLoadMs { get; init; }

    /// <summary>True when the event has a session id; false when its visitor's events are cut into sessions by inactivity.</summary>
    public required bool HasSession { get; init; }

    public ReadOnlySpan<byte> SessionKey { get; init; }

    public required ReadOnlySpan<byte> VisitorKey { get; init; }

    public required ReadOnlySpan<byte> EventName { get; init; }

    public ReadOnlySpan<byte> Device { get; init; }

    public bool HasDevice { get; init; }

    public ReadOnlySpan<byte> Channel { get; init; }

    public bool HasChannel { get; init; }

    public ReadOnlySpan<byte> Country { get; init; }

    public bool HasCountry { get; init; }
}
