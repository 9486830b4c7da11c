namespace FunnelInsight.Core.Analytics;

/// <summary>Conversions between stored microsecond times and <see cref="DateTime"/>.</summary>
internal static class UtcTime
{
    // Imports store only 1995 … tomorrow, but a store may hold older values (an epoch of year −1200, year 0000):
    // reading them as the nearest of these bounds keeps every date sum of a report inside DateTime's range.
    private static readonly long MinReadableUs = (new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;
    private static readonly long MaxReadableUs = (new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;

    /// <summary>A UTC <see cref="DateTime"/> from microseconds since the Unix epoch (see <see cref="Readable"/>).</summary>
    public static DateTime FromMicros(long us) => DateTime.UnixEpoch.AddTicks(Readable(us) * 10);

    /// <summary>A stored time as the reports read it: one outside 1900 … 2200 as the nearest of the two.</summary>
    public static long Readable(long us) => Math.Clamp(us, MinReadableUs, MaxReadableUs);
}
