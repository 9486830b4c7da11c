using FunnelInsight.Core.Analytics.Customers;
using FunnelInsight.Web.Components.Pages.Reports.Customers;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Customers;

public sealed class CustomerFiguresTests : ReportComponentTest
{
    // 250 customers, 80 of them bought twice or more, 50 inactive for 90 days as of 31 March 2024. Gross 12,510 less
    // 164.40 refunded is 12,345.60 net over 310 orders that count (320 less 5 cancelled and 5 refunded): AOV 39.82.
    private static CustomerReport Report(long customers, long repeat, long inactive, IReadOnlyList<CohortRow>? cohorts = null,
        IReadOnlyList<CurrencyOrders>? otherCurrencies = null) => new(
        new CustomerQuery(3), 320, 5, 5, 3, new OrderRevenue("USD", 12510, 164.4, 930.6, 7, 310, otherCurrencies ?? []), customers, new Proportion(repeat, customers), new Proportion(inactive, customers),
        customers == 0 ? null : new DateOnly(2024, 3, 31), [], cohorts ?? []);

    [Fact]
    public void The_figures_show_the_reports_numbers_formatted()
    {
        var figures = Render<CustomerFigures>(p => p.Add(c => c.Report, Report(250, 80, 50)).Add(c => c.Currency, "USD"));

        Assert.Equal("250", figures.Find(".fi-customers .fi-value").TextContent);
        Assert.Equal("320", figures.Find(".fi-orders .fi-value").TextContent);
        Assert.Equal("5 cancelled, 5 refunded, 3 without customer", figures.Find(".fi-orders .fi-detail").TextContent);
        Assert.Equal("USD 12,345.60", figures.Find(".fi-revenue .fi-value").TextContent);
        Assert.Equal("USD 12,510.00 gross − USD 164.40 refunds", figures.Find(".fi-revenue .fi-detail").TextContent);
        Assert.Equal("USD 930.60", figures.Find(".fi-outstanding .fi-value").TextContent);
        Assert.Equal("7 unpaid orders (pending, authorized, cash on delivery)", figures.Find(".fi-outstanding .fi-detail").TextContent);
        Assert.Equal("USD 39.82", figures.Find(".fi-aov .fi-value").TextContent);
        Assert.Empty(figures.FindAll(".fi-other-currency"));
        Assert.Equal("32.0%", figures.Find(".fi-repeat .fi-value").TextContent);
        Assert.Equal("26.5% – 38.0%", figures.Find(".fi-repeat .fi-detail").TextContent);
        Assert.Equal("50", figures.Find(".fi-inactive .fi-value").TextContent);
        Assert.Equal("20.0% of customers, as of 3/31/2024", figures.Find(".fi-inactive .fi-detail").TextContent);
        Assert.Contains("Reference: 32.0%", figures.Find(".fi-repeat .fi-reference").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void In_arabic_the_reference_reads_in_arabic_with_its_percentage_kept_left_to_right_and_its_source_set_apart()
    {
        UseCulture("ar");

        var figures = Render<CustomerFigures>(p => p.Add(c => c.Report, Report(250, 80, 50)).Add(c => c.Currency, "USD"));

        // Without the isolate an Arabic word before it makes 32.0 an Arabic number, and the percent sign moves to its left.
        var reference = figures.Find(".fi-repeat .fi-reference").TextContent.Trim();
        Assert.StartsWith("المرجع: \u206632.0%\u2069، المصدر: \u2068", reference, StringComparison.Ordinal);
        Assert.EndsWith("\u2069", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Orders_in_other_currencies_are_named_beside_the_figures()
    {
        var figures = Render<CustomerFigures>(p => p.Add(c => c.Report, Report(250, 80, 50, otherCurrencies: [new("EUR", 12), new("GBP", 3)])).Add(c => c.Currency, "USD"));

        Assert.Equal("12 orders in EUR, 3 orders in GBP: not in these figures, which are in USD.", figures.Find(".fi-other-currency").TextContent.Trim());
    }

    [Fact]
    public void Orders_without_customers_show_no_rates()
    {
        var figures = Render<CustomerFigures>(p => p.Add(c => c.Report, Report(0, 0, 0)).Add(c => c.Currency, "USD"));

        Assert.Equal("0", figures.Find(".fi-customers .fi-value").TextContent);
        Assert.Equal("—", figures.Find(".fi-repeat .fi-value").TextContent);
        Assert.Equal("— of customers, as of —", figures.Find(".fi-inactive .fi-detail").TextContent);
    }

    [Fact]
    public void The_churn_chart_says_which_months_have_no_rate_because_the_data_covers_them_only_partly()
    {
        ChurnPeriod[] periods =
        [
            new("2024-01", true, 2, 2, 0, 0, new(0, 0), "The data covers only 2024-01-05 to 2024-01-31 of this month."),
            new("2024-02", false, 2, 1, 2, 1, new(1, 2), null),
            new("2024-03", true, 1, 0, 2, 1, new(0, 0), "The data covers only 2024-03-01 to 2024-03-09 of this month."),
        ];

        var chart = Render<ChurnChart>(p => p.Add(c => c.Periods, periods));

        Assert.Equal("No churn rate for Jan 2024, Mar 2024: the data covers only part of the month.", chart.Find(".fi-churn-partial").TextContent);
    }

    [Fact]
    public void The_cohort_table_shows_each_cohorts_retention_by_month()
    {
        CohortRow[] cohorts =
        [
            new("2024-01", 4, [new(4, 4), new(1, 4), new(2, 4)]),
            new("2024-02", 2, [new(2, 2)]),
        ];

        var table = Render<CohortTable>(p => p.Add(c => c.Cohorts, cohorts));

        var rows = table.FindAll(".fi-cohorts tbody tr");
        Assert.Equal(["Jan 2024", "4", "100.0%", "25.0%", "50.0%"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(["Feb 2024", "2", "100.0%", "", ""], rows[1].QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Fact]
    public void In_arabic_the_cohort_month_headers_keep_their_plus_before_the_number()
    {
        UseCulture("ar");
        CohortRow[] cohorts = [new("2024-01", 4, [new(4, 4), new(1, 4), new(2, 4)])];

        var table = Render<CohortTable>(p => p.Add(c => c.Cohorts, cohorts));

        // "+1" read from the left as one piece, or the right-to-left row draws it "1+".
        var months = table.FindAll(".fi-cohorts thead th").Skip(2).Select(th => th.TextContent).ToList();
        Assert.Equal(["+0", "+1", "+2"], months.Select(FunnelInsight.Web.Components.UI.Bidi.Plain));
        Assert.All(months, month => Assert.StartsWith("\u2066+", month, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(MoneyCases.Amounts), MemberType = typeof(MoneyCases))]
    public void Revenue_and_outstanding_totals_have_the_decimals_of_the_stores_currency(string culture, string currency, string large, string small)
    {
        UseCulture(culture);
        // Gross 1,234.5678 with nothing refunded is 1,234.5678 net; 98.7654 unpaid.
        var report = Report(250, 80, 50) with { Sales = new OrderRevenue(currency, MoneyCases.Large, 0, MoneyCases.Small, 7, 310, []) };
        var figures = Render<CustomerFigures>(p => p.Add(c => c.Report, report).Add(c => c.Currency, currency));

        Assert.Equal(large, MoneyCases.Shown(figures.Find(".fi-revenue .fi-value").TextContent, culture));
        Assert.Equal(small, MoneyCases.Shown(figures.Find(".fi-outstanding .fi-value").TextContent, culture));
        Assert.Contains(large, MoneyCases.Shown(figures.Find(".fi-revenue .fi-detail").TextContent, culture), StringComparison.Ordinal);
    }
}
