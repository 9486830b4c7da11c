namespace FunnelInsight.Core.Reports;

/// <summary>
/// The name of an export file, from what it is of: <c>demo-store-leaks-2025-03-01-to-2025-03-31-device-mobile.csv</c>.
/// Every part is reduced to lower-case letters and digits joined by <c>-</c>, so a store name or a filter value
/// (which come from merchants and their visitors) can never carry a path, a quote or a line break into the name.
/// </summary>
public static class ReportFileName
{
    /// <summary>Longest name before its extension: long funnel steps are cut, not the extension.</summary>
    public const int MaxStemLength = 120;

    /// <summary>The file name of <paramref name="about"/>'s report in <paramref name="extension"/> (<c>csv</c>, <c>xlsx</c>, <c>json</c>, <c>about.csv</c>).</summary>
    public static string Of(ReportAbout about, string extension)
    {
        var store = Slug(about.Store) is { Length: > 0 } name ? name : $"store-{about.StoreId.ToString(CultureInfo.InvariantCulture)}";
        var period = (about.From, about.To) switch
        {
            (null, null) => "all-time",
            ({ } from, null) => $"from-{Day(from)}",
            (null, { } to) => $"to-{Day(to)}",
            ({ } from, { } to) => $"{Day(from)}-to-{Day(to)}",
        };
        var parts = new List<string> { store, Slug(about.Report), period };
        parts.AddRange(about.Filters.SelectMany(f => new[] { Slug(f.Key), Slug(f.Value) }).Where(p => p.Length > 0));
        var stem = string.Join('-', parts);
        if (stem.Length > MaxStemLength)
        {
            stem = stem[..MaxStemLength].TrimEnd('-');
        }

        return $"{stem}.{extension}";
    }

    /// <summary>Letters and digits (any script) in lower case; every other run of characters becomes one <c>-</c>.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
