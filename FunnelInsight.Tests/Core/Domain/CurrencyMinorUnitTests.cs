namespace FunnelInsight.Tests.Core.Domain;

public sealed class CurrencyMinorUnitTests
{
    [Theory]
    [InlineData(184248.32999999993, "USD", 184248.33)]
    [InlineData(60.599999999999994, "SAR", 60.6)]
    [InlineData(2.675, "usd", 2.68)]
    [InlineData(-0.125, "EUR", -0.13)]
    [InlineData(1500.3333333333333, "JPY", 1500)]
    [InlineData(1.6725, "KWD", 1.673)]
    [InlineData(1.6725, null, 1.67)]
    [InlineData(1.6725, "XYZ", 1.67)]
    public void An_amount_is_rounded_to_its_currencys_minor_unit_halves_away_from_zero(double amount, string? currency, double expected) =>
        Assert.Equal(expected, CurrencyMinorUnit.Round(amount, currency));

    [Fact]
    public void A_rounded_amount_is_written_as_its_decimals_and_nothing_more()
    {
        Assert.Equal("184248.33", CurrencyMinorUnit.Round(184248.32999999993, "USD").ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((0, 2, 3), (CurrencyMinorUnit.Decimals("JPY"), CurrencyMinorUnit.Decimals("SAR"), CurrencyMinorUnit.Decimals(" kwd ")));
    }
}
