namespace FunnelInsight.Core.Stores;

/// <summary>The time zones offered for a store: those whose UTC offset agrees with every offset its first order export carried.</summary>
public static class StoreTimeZones
{
    // Geographic zones only: the legacy links (US/Pacific, Canada/Pacific, PST8PDT, Etc/GMT+7) repeat them.
    private static readonly string[] Regions = ["Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];

    /// <summary>
    /// IANA zones (by name, at most <paramref name="limit"/>) whose offset at each remembered time equals the offset the
    /// export wrote it with; empty when the export carried no offsets.
    /// </summary>
    /// <param name="offsetsText">The store's remembered offsets (<c>-07:00@1717200000000000,…</c>).</param>
    /// <param name="limit">Most zones returned.</param>
    public static IReadOnlyList<string> Offered(string? offsetsText, int limit = 50)
    {
        var samples = new List<(TimeSpan Offset, DateTime Utc)>();
        foreach (var item in (offsetsText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('@');
            if (parts.Length == 2 && TimeSpan.TryParseExact(parts[0].TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture, out var offset)
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var us))
            {
                samples.Add((parts[0].StartsWith('-') ? -offset : offset, UtcTime.FromMicros(us)));
            }
        }

        if (samples.Count == 0)
        {
            return [];
        }

        return TimeZoneInfo.GetSystemTimeZones()
            .Where(zone => zone.HasIanaId && Regions.Any(region => zone.Id.StartsWith(region, StringComparison.Ordinal)))
            .Where(zone => samples.All(sample => zone.GetUtcOffset(sample.Utc) == sample.Offset))
            .Select(zone => zone.Id)
            .Order(StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
