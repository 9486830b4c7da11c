namespace FunnelInsight.Tests.Core.Reports;

public sealed class SpreadsheetCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("add_to_cart", "add_to_cart")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetCell.Neutralise(text));
    }
}
