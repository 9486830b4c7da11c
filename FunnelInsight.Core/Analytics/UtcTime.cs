namespace FunnelInsight.Core.Analytics;

/// <summary>Conversions between stored microsecond times and <see cref="DateTime"/>.</summary>
internal static class UtcTime
{
    /// <summary>A UTC <see cref="DateTime"/> from microseconds since the Unix epoch.</summary>
    public static DateTime FromMicros(long us) => DateTime.UnixEpoch.AddTicks(us * 10);
}
