using System.Collections.Concurrent;

namespace FunnelInsight.Core.Stores;

/// <summary>
/// Days, weeks and months in a store's time zone: which local day a stored UTC time falls on, and when a local day
/// starts in UTC. Every day range, trend bucket, churn period and cohort of a store goes through its clock.
/// </summary>
public sealed class StoreClock
{
    private static readonly long UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    // One clock per zone, so that a zone's day offsets are worked out once per process, not once per query.
    private static readonly ConcurrentDictionary<string, StoreClock> Clocks = new(StringComparer.Ordinal);

    // A UTC day's offset, or long.MinValue when the offset changes during it (a daylight-saving switch).
    private readonly ConcurrentDictionary<long, long> _dayOffsets = new();

    private StoreClock(TimeZoneInfo zone, string name) => (Zone, Name) = (zone, name);

    /// <summary>The clock of UTC, the default zone.</summary>
    public static StoreClock Utc { get; } = new(TimeZoneInfo.Utc, "UTC");

    /// <summary>The IANA name of the zone (for example <c>America/Los_Angeles</c>).</summary>
    public string Name { get; }

    /// <summary>The zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The clock of the IANA zone <paramref name="name"/>; false when the system knows no such zone.</summary>
    public static bool TryFind(string? name, out StoreClock clock)
    {
        clock = Utc;
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.Length > 0;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) || !zone.HasIanaId)
        {
            return false;
        }

        clock = Clocks.GetOrAdd(zone.Id, id => new StoreClock(zone, id));
        return true;
    }

    /// <summary>The clock of <paramref name="name"/>, or UTC when it is empty or unknown (a zone removed from the system).</summary>
    public static StoreClock For(string? name) => TryFind(name, out var clock) ? clock : Utc;

    /// <summary>The local day a time (microseconds since the Unix epoch, UTC) falls on; a stored time outside 1900 … 2200 on the nearest of those days.</summary>
    public DateOnly DayOf(long us)
    {
        us = UtcTime.Readable(us);
        return DateOnly.FromDayNumber((int)(FloorDiv(us + OffsetUs(us), UtcTime.DayUs) + UnixEpochDayNumber));
    }

    /// <summary>Microseconds since the Unix epoch (UTC) at the start of the local day <paramref name="day"/>.</summary>
    public long DayStartUs(DateOnly day)
    {
        var localUs = (day.DayNumber - UnixEpochDayNumber) * UtcTime.DayUs;
        if (ReferenceEquals(this, Utc))
        {
            return localUs;
        }

        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            // Midnight skipped by a daylight-saving switch: the day starts at its first minute that exists.
            local = local.AddMinutes(15);
        }

        return UtcTime.ToMicros(TimeZoneInfo.ConvertTimeToUtc(local, Zone));
    }

    /// <summary>The zone's offset from UTC at a time, in microseconds.</summary>
    public long OffsetUs(long us)
    {
        if (ReferenceEquals(this, Utc))
        {
            return 0;
        }

        us = UtcTime.Readable(us);
        var day = FloorDiv(us, UtcTime.DayUs);
        var offset = _dayOffsets.GetOrAdd(day, d =>
        {
            var start = Exact(d * UtcTime.DayUs);
            return start == Exact(d * UtcTime.DayUs + UtcTime.DayUs - 1) ? start : long.MinValue;
        });
        return offset != long.MinValue ? offset : Exact(us);
    }

    private long Exact(long us) => Zone.GetUtcOffset(UtcTime.FromMicros(us)).Ticks / TimeSpan.TicksPerMicrosecond;

    private static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);
}
