namespace FunnelInsight.Core.Domain;

/// <summary>
/// The one conversion between stored times (microseconds since the Unix epoch, UTC) and <see cref="DateTime"/>: the
/// import writes with it, the reports, the store clock and the previews read with it.
/// </summary>
public static class UtcTime
{
    /// <summary>Microseconds in an hour.</summary>
    public const long HourUs = 3_600_000_000;

    /// <summary>Microseconds in a day of 24 hours.</summary>
    public const long DayUs = 24 * HourUs;

    // Imports store only 1995 … tomorrow, but a store may hold older values (an epoch of year −1200, year 0000):
    // reading them as the nearest of these bounds keeps every date sum of a report inside DateTime's range.
    private static readonly long MinReadableUs = ToMicros(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly long MaxReadableUs = ToMicros(new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>Microseconds since the Unix epoch of a UTC <see cref="DateTime"/> (its ticks below a microsecond dropped).</summary>
    public static long ToMicros(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>A UTC <see cref="DateTime"/> from microseconds since the Unix epoch (see <see cref="Readable"/>).</summary>
    public static DateTime FromMicros(long us) => DateTime.UnixEpoch.AddTicks(Readable(us) * TimeSpan.TicksPerMicrosecond);

    /// <summary>A stored time as the reports read it: one outside 1900 … 2200 as the nearest of the two.</summary>
    public static long Readable(long us) => Math.Clamp(us, MinReadableUs, MaxReadableUs);
}
