namespace FunnelInsight.Tests.Core.Reports;

public sealed class ReportFileNameTests
{
    private static ReportAbout About(string store, DateOnly? from = null, DateOnly? to = null, params (string Key, string Value)[] filters) =>
        new(7, store, "leaks", from, to, "UTC", "USD", [.. filters.Select(f => KeyValuePair.Create(f.Key, f.Value))], new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc));

    [Fact]
    public void A_name_says_the_store_the_report_the_period_and_the_filters()
    {
        var about = About("Demo Store", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), ("device", "mobile"), ("mode", "open"));

        Assert.Equal("demo-store-leaks-2025-03-01-to-2025-03-31-device-mobile-mode-open.csv", ReportFileName.Of(about, "csv"));
        Assert.Equal("demo-store-leaks-all-time.xlsx", ReportFileName.Of(About("Demo Store"), "xlsx"));
        Assert.Equal("demo-store-leaks-from-2025-03-01.json", ReportFileName.Of(About("Demo Store", new DateOnly(2025, 3, 1)), "json"));
        Assert.Equal("demo-store-leaks-to-2025-03-31.about.csv", ReportFileName.Of(About("Demo Store", to: new DateOnly(2025, 3, 31)), "about.csv"));
    }

    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd-leaks-all-time.csv")]
    [InlineData("C:\\Windows\\win.ini", "c-windows-win-ini-leaks-all-time.csv")]
    [InlineData("shop\"\r\nSet-Cookie: a=b", "shop-set-cookie-a-b-leaks-all-time.csv")]
    [InlineData("invoice\u202Efdp.exe", "invoice-fdp-exe-leaks-all-time.csv")]
    [InlineData("متجر التجربة", "متجر-التجربة-leaks-all-time.csv")]
    [InlineData("***", "store-7-leaks-all-time.csv")]
    public void A_hostile_store_name_leaves_only_letters_and_digits_joined_by_dashes(string store, string expected)
    {
        Assert.Equal(expected, ReportFileName.Of(About(store), "csv"));
    }

    [Fact]
    public void Hostile_filter_values_are_reduced_too_and_a_long_name_is_cut_before_its_extension()
    {
        Assert.Equal("shop-leaks-all-time-channel-script-alert-1-script.csv",
            ReportFileName.Of(About("Shop", null, null, ("channel", "<script>alert(1)</script>")), "csv"));
        var steps = string.Join(",", Enumerable.Range(1, 10).Select(i => $"event_number_{i}_with_a_long_name"));
        var name = ReportFileName.Of(About("Shop", null, null, ("steps", steps)), "xlsx");

        Assert.Equal(ReportFileName.MaxStemLength + ".xlsx".Length, name.Length);
        Assert.EndsWith(".xlsx", name, StringComparison.Ordinal);
        Assert.DoesNotContain("-.", name, StringComparison.Ordinal);
    }
}
