namespace FunnelInsight.Web.Components.Pages.Reports.Charts;

/// <summary>
/// ApexCharts options for the report pages. Values and labels come in already computed and formatted; in a
/// right-to-left language the category axis runs right to left (the lists are reversed and the value axis moves
/// to the right), so the funnel reads in the page's direction.
/// </summary>
public static class ReportCharts
{
    /// <summary>At most this many category labels on an axis; past it they are thinned evenly.</summary>
    internal const int MaxLabels = 12;

    /// <summary>The width (px) below which charts take their phone options.</summary>
    internal const int PhoneWidth = 600;

    /// <summary>At most this many category labels stand upright side by side on a phone; past it they are drawn slanted.</summary>
    internal const int PhoneUprightLabels = 5;

    /// <summary>
    /// At most this many characters in all (each category's longest line) stand upright side by side on a phone: five
    /// stage names fit, five checkout steps ("Shipping details", "Payment details") run into each other and are slanted.
    /// </summary>
    internal const int PhoneUprightChars = 48;

    /// <summary>The slant of a phone's crowded category labels, in degrees (ApexCharts turns them about their end).</summary>
    internal const int PhoneLabelSlant = -45;

    // The size of a phone's upright category labels (ApexCharts draws 12 px elsewhere).
    private const string PhoneLabelSize = "10px";

    // Room (px) on a right-to-left phone chart's left for its leftmost slanted label.
    private const int SlantRoom = 56;

    /// <summary>Series colours, in order.</summary>
    internal static readonly string[] Palette = ["#3f51b5", "#ff7043", "#26a69a", "#ab47bc", "#fbc02d", "#8d6e63"];

    /// <summary>Vertical bars, one group per category, one bar per series (grouped when there are several).</summary>
    public static object Bars(IReadOnlyList<string[]> categories, IReadOnlyList<ChartSeries> series, int height = 320, string unit = "") =>
        Axis("bar", categories, series, height, unit, new
        {
            bar = new { columnWidth = series.Count > 1 ? "75%" : "55%", borderRadius = 3, dataLabels = new { position = "top" } },
        });

    /// <summary>Lines over time, one per series; <paramref name="unit"/> follows each value-axis label (<c>%</c>).</summary>
    public static object Lines(IReadOnlyList<string[]> categories, IReadOnlyList<ChartSeries> series, int height = 280, string unit = "") =>
        Axis("line", categories, series, height, unit, new { });

    private static object Axis(string type, IReadOnlyList<string[]> categories, IReadOnlyList<ChartSeries> series, int height, string unit, object plotOptions)
    {
        var rtl = DashboardCultures.IsRightToLeft;

        // Past a dozen categories (a year of weeks, months of days) every label cannot fit: show about ten, evenly.
        var crowded = categories.Count > MaxLabels;
        return new
        {
            chart = Chart(type, height),
            series = series.Select(s => new { name = s.Name, data = Order(s.Values.ToList(), rtl) }),
            // A tickAmount of null is not "unset" to ApexCharts: it then labels only the first category.
            xaxis = crowded
                ? (object)new { categories = Order(categories.ToList(), rtl), tickAmount = MaxLabels, labels = new { rotate = 0, hideOverlappingLabels = true, trim = false } }
                : new { categories = Order(categories.ToList(), rtl), labels = new { rotate = 0, hideOverlappingLabels = false, trim = false } },

            // The value axis in the page's digit grouping (4,000, not 4000), with the values' unit.
            yaxis = new { opposite = rtl, min = 0, forceNiceScale = true, decimalsInFloat = 0, labels = new { thousands = CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator, suffix = unit } },

            // Data labels on a crowded chart, or on a phone, run into each other: the tooltip carries them there.
            dataLabels = new { enabled = series.Count == 1 && !crowded, texts = series.Select(s => Order(s.Texts.ToList(), rtl)), offsetY = -18, style = new { colors = new[] { "#37474f" } } },
            tooltip = new { texts = series.Select(s => Order(s.TooltipTexts.ToList(), rtl)) },
            plotOptions,
            colors = Palette,
            stroke = new { width = type == "line" ? 3 : 0 },
            markers = new { size = type == "line" ? 4 : 0 },
            legend = new { show = series.Count > 1, position = "bottom" },
            grid = new { padding = new { top = 10, left = 24, right = 24 } },
            responsive = new[] { new { breakpoint = PhoneWidth, options = Phone(categories, rtl) } },
        };
    }

    // On a phone no data labels (the tooltip carries them), narrower padding, and past five categories (or five long
    // names) the labels slanted: eight time buckets side by side in 350 px run into each other upright. A slanted label
    // runs down to the left of its bar; right to left the value axis is on the right, so the leftmost label needs room of its own.
    private static object Phone(IReadOnlyList<string[]> categories, bool rtl) =>
        categories.Count > PhoneUprightLabels || categories.Sum(c => c.DefaultIfEmpty("").Max(line => line.Length)) > PhoneUprightChars
        ? new
        {
            dataLabels = new { enabled = false },
            grid = new { padding = new { top = 10, left = rtl ? SlantRoom : 8, right = 8 } },
            xaxis = new { labels = new { rotate = PhoneLabelSlant, rotateAlways = true, hideOverlappingLabels = false, trim = false } },
        }
        : new
        {
            dataLabels = new { enabled = false },
            grid = new { padding = new { top = 10, left = 8, right = 8 } },
            // Five upright stage names with their rates fill a phone's width: a smaller size keeps a gap between them.
            xaxis = new { labels = new { style = new { fontSize = PhoneLabelSize } } },
        };

    private static object Chart(string type, int height) => new
    {
        type,
        height,
        fontFamily = "inherit",
        toolbar = new { show = false },
        zoom = new { enabled = false },
        animations = new { enabled = false },
    };

    private static List<T> Order<T>(List<T> items, bool rightToLeft)
    {
        if (rightToLeft)
        {
            items.Reverse();
        }

        return items;
    }
}
