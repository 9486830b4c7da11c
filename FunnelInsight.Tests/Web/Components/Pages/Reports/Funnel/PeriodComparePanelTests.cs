using FunnelInsight.Core.Analytics.Segments;
using FunnelInsight.Web.Components.Pages.Reports.Funnel;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Funnel;

public sealed class PeriodComparePanelTests : ReportComponentTest
{
    private static readonly DateOnly March8 = new(2024, 3, 8), March14 = new(2024, 3, 14);

    // 8–14 March: 4 land, 2 view a product. 1–7 March: 4 land, 1 views a product (PeriodComparisonTests' fixture).
    private static readonly string Rows = string.Join("\n", [
        .. Enumerable.Range(1, 4).Select(i => $"2024-03-0{i}T10:00:00Z,session_start,b{i},,,,,,,,,"),
        "2024-03-02T10:01:00Z,view_item,b2,,p,5,,,,,,",
        .. Enumerable.Range(1, 4).Select(i => $"2024-03-{9 + i}T10:00:00Z,session_start,a{i},,,,,,,,,"),
        "2024-03-10T10:01:00Z,view_item,a1,,p,5,,,,,,", "2024-03-11T10:01:00Z,view_item,a2,,p,5,,,,,,",
    ]);

    private async Task<(AnalyticsStore Store, IRenderedComponent<PeriodComparePanel> Panel)> ShowAsync(ComparedPeriod? compared)
    {
        var store = await AnalyticsStore.CreateAsync(Rows);
        Services.AddSingleton<IFunnelAnalytics>(store.Analytics);
        var panel = Render<PeriodComparePanel>(p => p
            .Add(c => c.Query, store.Query with { From = March8, To = March14 })
            .Add(c => c.Compared, compared));
        return (store, panel);
    }

    [Fact]
    public async Task The_previous_period_is_shown_step_by_step_with_the_change_and_its_p_value()
    {
        var (store, panel) = await ShowAsync(ComparedPeriod.Previous);
        await using var _ = store;

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".fi-period-table tbody tr")), TimeSpan.FromSeconds(10));
        Assert.Contains("compared with", panel.Find(".fi-period-range").TextContent, StringComparison.Ordinal);
        var product = panel.FindAll(".fi-period-table tbody tr")[0];
        // 2 of 4 against 1 of 4: +25 points, p = 0.465 (not marked as a difference).
        Assert.Equal(["50.0%", "25.0%"], product.QuerySelectorAll("td").Skip(1).Take(2).Select(c => c.TextContent.Split(' ')[0].Trim()));
        Assert.Equal("+25.0", product.QuerySelector(".fi-change")!.TextContent);
        Assert.Equal("0.465", product.QuerySelector(".fi-p")!.TextContent);
        Assert.DoesNotContain("fi-different", product.ClassName ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_the_same_period_last_year_puts_it_in_the_link()
    {
        var (store, panel) = await ShowAsync(null);
        await using var _ = store;

        Assert.Empty(panel.FindAll(".fi-period-table"));
        var navigation = Services.GetRequiredService<NavigationManager>();
        await panel.InvokeAsync(() => panel.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("year"));

        Assert.EndsWith("?vs=year", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_arabic_the_control_and_the_columns_are_arabic()
    {
        UseCulture("ar");
        var (store, panel) = await ShowAsync(ComparedPeriod.Year);
        await using var _ = store;

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".fi-period-table thead th")), TimeSpan.FromSeconds(10));
        Assert.Equal(["هذه الفترة", "الفترة المقارنة"], panel.FindAll(".fi-period-table thead th").Skip(1).Take(2).Select(h => h.TextContent));
        Assert.Contains("مقارنة مع", panel.Markup, StringComparison.Ordinal);
    }
}
