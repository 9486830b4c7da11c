namespace FunnelInsight.Tests.Core.Import.Reading;

public class NumberTextTests
{
    [Theory]
    [InlineData("SAR 99", DecimalMark.Point, 99.0)]
    [InlineData("$12.50", DecimalMark.Point, 12.5)]
    [InlineData("12,50 €", DecimalMark.Comma, 12.5)]
    [InlineData("R$ 10,00", DecimalMark.Comma, 10.0)]
    [InlineData("99 kr", DecimalMark.Comma, 99.0)]
    public void A_currency_code_or_sign_around_a_number_is_dropped(string text, DecimalMark mark, double expected)
    {
        Assert.True(NumberText.TryParse(text, mark, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12,5x", DecimalMark.Comma)]
    [InlineData("12.5x", DecimalMark.Point)]
    [InlineData("x12", DecimalMark.Point)]
    [InlineData("SAR ??", DecimalMark.Point)]
    public void A_lone_letter_stuck_to_a_number_is_no_currency_and_the_value_is_no_number(string text, DecimalMark mark) =>
        Assert.False(NumberText.TryParse(text, mark, out _));
}
