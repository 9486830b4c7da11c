namespace FunnelInsight.Web.Services.Reports;

/// <summary>
/// A named date range of the filter bar (last 7 / 28 / 90 days, this and last month, this year, all time), counted
/// back from the last day the store has sessions, not from today: a store whose export ends in March shows March,
/// never an empty "last 28 days" of December.
/// </summary>
/// <param name="Key">Stable name (<c>last28</c>, <c>this-month</c>, …), also the text's resource key suffix.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
public sealed record DateRangePreset(string Key, DateOnly From, DateOnly To)
{
    /// <summary>The range every report page covers when its link names none: the last four weeks with data, as the overview compares.</summary>
    public const string DefaultKey = "last28";

    /// <summary>The presets for data from <paramref name="firstDay"/> to <paramref name="lastDay"/>, each clamped to the data's first day.</summary>
    public static IReadOnlyList<DateRangePreset> For(DateOnly firstDay, DateOnly lastDay)
    {
        var month = new DateOnly(lastDay.Year, lastDay.Month, 1);
        var lastMonth = month.AddMonths(-1);
        DateRangePreset Make(string key, DateOnly from, DateOnly to) => new(key, from < firstDay ? firstDay : from, to);
        return
        [
            Make("last7", lastDay.AddDays(-6), lastDay),
            Make(DefaultKey, lastDay.AddDays(1 - FunnelInsight.Core.Analytics.Overview.OverviewReporter.DefaultDays), lastDay),
            Make("last90", lastDay.AddDays(-89), lastDay),
            Make("this-month", month, lastDay),
            Make("last-month", lastMonth, month.AddDays(-1)),
            Make("this-year", new DateOnly(lastDay.Year, 1, 1), lastDay),
            Make("all", firstDay, lastDay),
        ];
    }

    /// <summary>The query key that names the preset a range was chosen with (<c>range=this-year</c>), beside its days.</summary>
    public const string QueryKey = "range";

    /// <summary>
    /// The one preset the filter bar marks as the range shown, when several cover the same days (a store whose data
    /// starts this year has "last 90 days", "this year" and "all time" alike): the one the link names as chosen; else,
    /// on a link without a range, the page's default; else the first in the list (the shortest name for those days).
    /// Null when no preset covers <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    /// <param name="presets">The store's presets, in their order.</param>
    /// <param name="from">The range's first day, or null for none.</param>
    /// <param name="to">The range's last day, or null for none.</param>
    /// <param name="chosen">The preset the link names (its <see cref="QueryKey"/> value), or null.</param>
    /// <param name="defaultKey">The page's default preset, or null when its default is all the data (no range at all).</param>
    /// <param name="usesDefault">True when the link names no range and the page shows its default.</param>
    public static string? Marked(IReadOnlyList<DateRangePreset> presets, DateOnly? from, DateOnly? to, string? chosen, string? defaultKey, bool usesDefault)
    {
        // "All time" on a page whose default is all the data is no range at all (orders may reach past the sessions' days).
        bool Covers(DateRangePreset p) => p.Key == "all" && defaultKey is null ? from is null && to is null : from == p.From && to == p.To;
        var covering = presets.Where(Covers).Select(p => p.Key).ToList();
        var preferred = usesDefault ? defaultKey ?? "all" : chosen;
        return covering.Contains(preferred ?? "", StringComparer.Ordinal) ? preferred : covering.FirstOrDefault();
    }

    /// <summary>
    /// <paramref name="query"/> with the preset <paramref name="key"/> as its range when it names neither end; as it is
    /// otherwise, or when the store has no sessions to count back from.
    /// </summary>
    public static FunnelQuery WithDefaultRange(FunnelQuery query, string key, StoreDimensions span)
    {
        if (query.From is not null || query.To is not null || span.FirstDay is not { } first || span.LastDay is not { } last)
        {
            return query;
        }

        var range = For(first, last).Single(p => p.Key == key);
        return query with { From = range.From, To = range.To };
    }
}
