using FunnelInsight.Web.Components.UI;

namespace FunnelInsight.Tests.Web.Components.UI;

/// <summary>Numbers as each language writes them: Arabic with Latin digits and marks, each number isolated left to right.</summary>
public sealed class ReportFormatTests : DashboardComponentContext
{
    private const string Lri = "\u2066";
    private const string Pdi = "\u2069";

    [Fact]
    public void English_numbers_carry_no_direction_marks()
    {
        Assert.Equal("30,017", Format.Count(30017));
        Assert.Equal("87.5%", ReportFormat.Percent(0.875));
        Assert.Equal("+18", Format.SignedCount(18));
    }

    [Fact]
    public void Arabic_writes_counts_and_percentages_with_latin_digits_and_marks_kept_left_to_right()
    {
        UseCulture("ar");

        Assert.Equal(Lri + "30,017" + Pdi, Format.Count(30017));
        Assert.Equal(Lri + "87.5%" + Pdi, ReportFormat.Percent(0.875));
        // 696 of 1,000: Wilson 66.7%–72.4%, each end isolated, read from the right as the sentence around it.
        Assert.Equal(Lri + "66.7%" + Pdi + " – " + Lri + "72.4%" + Pdi, ReportFormat.Interval(new Proportion(696, 1000)));
    }

    [Fact]
    public void Arabic_keeps_a_sign_before_its_number_and_a_negative_amount_in_one_piece()
    {
        UseCulture("ar");

        Assert.Equal(Lri + "+18" + Pdi, Format.SignedCount(18));
        Assert.Equal(Lri + "-3" + Pdi, Format.SignedCount(-3));
        Assert.Equal(Lri + "+1.5" + Pdi, ReportFormat.Points(0.015));
        Assert.Equal(Lri + "-4,972.00 USD" + Pdi, Plain(ReportFormat.SignedMoney(-4972, "USD")));
        Assert.Equal(Lri + "+" + Lri + "120.00 USD" + Pdi + Pdi, Plain(ReportFormat.SignedMoney(120, "USD")));
    }

    [Theory]
    [InlineData(39.8249, "USD", "USD 39.82")]
    [InlineData(1500.3333, "JPY", "JPY 1,500")]
    [InlineData(1.6725, "KWD", "KWD 1.673")]
    [InlineData(1234.5, "bhd", "bhd 1,234.500")]
    public void An_exact_amount_has_as_many_decimals_as_the_minor_unit_of_its_currency(double amount, string currency, string shown) =>
        Assert.Equal(shown, Plain(ReportFormat.Money(amount, currency)));

    [Fact]
    public void Arabic_writes_an_exact_amount_to_the_minor_unit_of_its_currency_in_one_piece()
    {
        UseCulture("ar");

        Assert.Equal(Lri + "39.82 SAR" + Pdi, Plain(ReportFormat.Money(39.8249, "SAR")));
        Assert.Equal(Lri + "1,500 JPY" + Pdi, Plain(ReportFormat.Money(1500.3333, "JPY")));
        Assert.Equal(Lri + "1.673 KWD" + Pdi, Plain(ReportFormat.Money(1.6725, "KWD")));
    }

    [Fact]
    public void Arabic_keeps_its_month_names_with_latin_digits()
    {
        UseCulture("ar");

        Assert.Equal("مارس 2025", ReportFormat.Month("2025-03"));
    }

    [Theory]
    [InlineData(0.0004, "< 0.001")]
    [InlineData(0.0, "< 0.001")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0123, "0.012")]
    [InlineData(0.5, "0.500")]
    public void A_p_value_below_a_thousandth_reads_less_than_0_001_never_0_000(double p, string shown) =>
        Assert.Equal(shown, ReportFormat.PValue(p));

    // Spaces and right-to-left marks the culture puts around a currency code, which do not matter here.
    private static string Plain(string text) => text.Replace("\u00a0", " ", StringComparison.Ordinal).Replace("\u200f", "", StringComparison.Ordinal);
}
