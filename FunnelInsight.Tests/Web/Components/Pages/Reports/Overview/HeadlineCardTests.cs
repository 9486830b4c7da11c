using FunnelInsight.Core.Analytics.Overview;
using FunnelInsight.Web.Components.Pages.Reports.Overview;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Overview;

public sealed class HeadlineCardTests : ReportComponentTest
{
    [Fact]
    public void A_figure_whose_stage_the_store_does_not_track_says_not_tracked_instead_of_a_number()
    {
        var card = Render<HeadlineCard>(p => p
            .Add(c => c.Figure, new HeadlineFigure("checkout_abandonment", 0, 0, Proportion.None, null, FunnelStage.Checkout))
            .Add(c => c.Currency, "USD"));

        Assert.Equal("not tracked", card.Find(".fi-value").TextContent);
        Assert.Equal("Checkout is not tracked in this store's data.", card.Find(".fi-change").TextContent.Trim());
        Assert.Empty(card.FindAll(".fi-detail"));
    }

    [Fact]
    public void A_tracked_rate_shows_its_value_and_interval()
    {
        var card = Render<HeadlineCard>(p => p
            .Add(c => c.Figure, new HeadlineFigure("cart_abandonment", 0.5, null, new Proportion(1, 2), null))
            .Add(c => c.Currency, "USD"));

        Assert.Equal("50.0%", card.Find(".fi-value").TextContent);
    }

    [Theory]
    [InlineData("en", "no data in the period before")]
    [InlineData("ar", "لا بيانات في الفترة السابقة")]
    public void A_figure_whose_period_before_has_no_data_says_so_instead_of_a_rise_from_zero(string culture, string expected)
    {
        UseCulture(culture);
        var card = Render<HeadlineCard>(p => p
            .Add(c => c.Figure, new HeadlineFigure("sessions", 3012, null, null, null) { EmptyBefore = true })
            .Add(c => c.Currency, "USD"));

        Assert.Equal(expected, card.Find(".fi-change").TextContent.Trim());
        Assert.DoesNotContain("▲", card.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("3,012", card.Find(".fi-change").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_with_a_period_before_shows_its_change_with_its_arrow()
    {
        var card = Render<HeadlineCard>(p => p
            .Add(c => c.Figure, new HeadlineFigure("sessions", 3012, 2000, null, null))
            .Add(c => c.Currency, "USD"));

        Assert.Contains("▲", card.Find(".fi-change").TextContent, StringComparison.Ordinal);
        Assert.Contains("+1,012", card.Find(".fi-change").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MoneyCases.Amounts), MemberType = typeof(MoneyCases))]
    public void Revenue_and_its_change_have_the_decimals_of_the_stores_currency(string culture, string currency, string value, string change)
    {
        UseCulture(culture);
        // 1,234.5678 now against 1,135.8024 before: a rise of 98.7654.
        var card = Render<HeadlineCard>(p => p
            .Add(c => c.Figure, new HeadlineFigure("revenue", MoneyCases.Large, 1135.8024, null, null))
            .Add(c => c.Currency, currency));

        Assert.Equal(value, MoneyCases.Shown(card.Find(".fi-value").TextContent, culture));
        Assert.Equal("+" + change, MoneyCases.Shown(card.Find(".fi-change bdi").TextContent, culture));
    }
}
