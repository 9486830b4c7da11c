using FunnelInsight.Core.Analytics.Abandonment;
using FunnelInsight.Web.Components.Pages.Reports.Abandoned;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Abandoned;

public sealed class AbandonedSummaryTests : ReportComponentTest
{
    [Theory]
    [MemberData(nameof(MoneyCases.Amounts), MemberType = typeof(MoneyCases))]
    public void The_value_left_in_carts_and_checkouts_has_the_decimals_of_the_stores_currency(string culture, string currency, string carts, string checkouts)
    {
        UseCulture(culture);
        var report = new AbandonmentReport(new FunnelQuery(3), new Proportion(40, 50), new Proportion(10, 20), MoneyCases.Large, MoneyCases.Small, [], TrackedStages.All);
        var summary = Render<AbandonedSummary>(p => p.Add(c => c.Report, report).Add(c => c.Currency, currency));

        Assert.Equal(carts, MoneyCases.Shown(summary.Find(".fi-cart-value-total .fi-value").TextContent, culture));
        Assert.Equal(checkouts, MoneyCases.Shown(summary.Find(".fi-checkout-value-total .fi-value").TextContent, culture));
    }
}
