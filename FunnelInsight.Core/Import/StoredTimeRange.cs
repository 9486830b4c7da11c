namespace FunnelInsight.Core.Import;

/// <summary>
/// The times FunnelInsight stores: from 1995-01-01 (before online shops took orders) to the end of tomorrow (UTC),
/// so that a year 0000, an epoch far out of range or seconds in a milliseconds column is a row error, never a stored
/// time that the reports would have to draw.
/// </summary>
public static class StoredTimeRange
{
    /// <summary>The earliest time stored, as microseconds since the Unix epoch: 1995-01-01T00:00:00Z.</summary>
    public static readonly long MinUs = UtcTime.ToMicros(new DateTime(1995, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>The first microsecond after tomorrow (UTC), as microseconds since the Unix epoch.</summary>
    public static long EndUs => UtcTime.ToMicros(DateTime.UtcNow.Date.AddDays(2));

    /// <summary>True when <paramref name="unixMicros"/> may be stored, given <paramref name="endUs"/> (<see cref="EndUs"/>, read once per file).</summary>
    public static bool Contains(long unixMicros, long endUs) => unixMicros >= MinUs && unixMicros < endUs;

    /// <summary>The reason given for a time outside the range, naming the value as the file has it.</summary>
    public static Reasons.ImportReason Outside(string value) =>
        Reasons.ImportReason.Of(Reasons.ImportReasonCode.TimeOutOfRange, Reading.ExportText.Cut(value), DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
