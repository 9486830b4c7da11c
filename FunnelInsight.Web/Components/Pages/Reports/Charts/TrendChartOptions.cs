namespace FunnelInsight.Web.Components.Pages.Reports.Charts;

/// <summary>
/// ApexCharts options for a conversion trend: per rate a line and its 95% interval as a shaded band (a rangeArea
/// series), a value axis in percent, about a dozen period labels at most, and the points of partial or small-sample
/// periods drawn hollow. Right to left, the periods run from the right.
/// </summary>
public static class TrendChartOptions
{
    private const int PhoneLabels = 4;
    private const string HollowFill = "#ffffff";

    // Per rate two series, the line then its band: an opaque 3 px line with 4 px points, a faint fill with neither.
    private static readonly double[] LineAndBandFill = [1, 0.18];
    private static readonly int[] LineAndBandStroke = [3, 0];
    private static readonly int[] LineAndBandMarker = [4, 0];

    /// <summary>The options for <paramref name="rates"/> over <paramref name="periods"/> (one label per period, oldest first).</summary>
    public static object For(IReadOnlyList<string> periods, IReadOnlyList<TrendRate> rates, int height = 300)
    {
        var rtl = DashboardCultures.IsRightToLeft;
        var order = Enumerable.Range(0, periods.Count).ToList();
        if (rtl)
        {
            order.Reverse();
        }

        var series = new List<object>();
        var texts = new List<IEnumerable<string>>();
        var markers = new List<object>();
        foreach (var (rate, index) in rates.Select((r, i) => (r, i)))
        {
            var line = series.Count;
            series.Add(new { name = rate.Name, type = "line", data = order.Select(i => new { x = periods[i], y = rate.Points[i].Value }) });
            texts.Add(order.Select(i => rate.Points[i].Text));
            series.Add(new { name = rate.BandName, type = "rangeArea", data = order.Select(i => new { x = periods[i], y = new[] { rate.Points[i].Low, rate.Points[i].High } }) });
            texts.Add(order.Select(i => rate.Points[i].IntervalText));
            markers.AddRange(order.Select((i, position) => (i, position))
                .Where(p => rate.Points[p.i].Hollow)
                .Select(p => new { seriesIndex = line, dataPointIndex = p.position, fillColor = HollowFill, strokeColor = ReportCharts.Palette[index % ReportCharts.Palette.Length], size = 5 }));
        }

        var colors = rates.SelectMany((_, i) => new[] { ReportCharts.Palette[i % ReportCharts.Palette.Length], ReportCharts.Palette[i % ReportCharts.Palette.Length] }).ToArray();
        return new
        {
            chart = new { type = "rangeArea", height, fontFamily = "inherit", toolbar = new { show = false }, zoom = new { enabled = false }, animations = new { enabled = false } },
            series,
            // Past a dozen periods every label cannot fit: about a dozen, evenly (a null tickAmount would label only the first).
            xaxis = periods.Count > ReportCharts.MaxLabels
                ? (object)new { type = "category", tickAmount = ReportCharts.MaxLabels, labels = new { rotate = 0, hideOverlappingLabels = true, trim = false } }
                : new { type = "category", labels = new { rotate = 0, hideOverlappingLabels = false, trim = false } },
            yaxis = new { opposite = rtl, min = 0, max = 100, tickAmount = 5, decimalsInFloat = 0, labels = new { thousands = CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator, suffix = "%" } },
            dataLabels = new { enabled = false },
            tooltip = new { shared = true, texts },
            colors,
            fill = new { opacity = rates.SelectMany(_ => LineAndBandFill) },
            stroke = new { width = rates.SelectMany(_ => LineAndBandStroke), curve = "straight" },
            markers = new { size = rates.SelectMany(_ => LineAndBandMarker), discrete = markers },
            legend = new { show = true, position = "bottom" },
            grid = new { padding = new { top = 10, left = 24, right = 24 } },
            // A phone holds about four dates side by side (Arabic month names are wider still).
            responsive = new[]
            {
                new { breakpoint = ReportCharts.PhoneWidth, options = new { xaxis = new { tickAmount = Math.Min(PhoneLabels, periods.Count), labels = new { rotate = 0, hideOverlappingLabels = true, trim = false } } } },
            },
        };
    }
}

/// <summary>One rate of a trend: its line's and band's legend names and one point per period.</summary>
/// <param name="Name">Legend name of the line.</param>
/// <param name="BandName">Legend name of its interval band.</param>
/// <param name="Points">One point per period, oldest first.</param>
public sealed record TrendRate(string Name, string BandName, IReadOnlyList<TrendRatePoint> Points);

/// <summary>A rate in one period, in percent, with its 95% interval and the texts that show them.</summary>
/// <param name="Value">The rate.</param>
/// <param name="Low">Lower bound of the interval.</param>
/// <param name="High">Upper bound of the interval.</param>
/// <param name="Text">The rate as the tooltip shows it, with the period's marks.</param>
/// <param name="IntervalText">The interval as the tooltip shows it.</param>
/// <param name="Hollow">True for a partial or small-sample period: its point is drawn hollow.</param>
public sealed record TrendRatePoint(double Value, double Low, double High, string Text, string IntervalText, bool Hollow);
