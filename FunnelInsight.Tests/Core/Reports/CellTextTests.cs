using FunnelInsight.Core.Reports;

namespace FunnelInsight.Tests.Core.Reports;

public class CellTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("mobile", "mobile")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(string text, string expected)
    {
        Assert.Equal(expected, CellText.Format(text));
    }

    [Fact]
    public void Numbers_stay_numbers_even_when_negative()
    {
        Assert.Equal("-2", CellText.Format(-2L));
        Assert.Equal("0.6957", CellText.Format(0.6957));
        Assert.True(CellText.IsNumber(-2L));
        Assert.False(CellText.IsNumber("-2"));
    }

    [Fact]
    public void Dates_are_written_as_iso_utc_and_missing_values_as_empty()
    {
        Assert.Equal("2024-03-04T10:02:00Z", CellText.Format(new DateTime(2024, 3, 4, 10, 2, 0, DateTimeKind.Utc)));
        Assert.Equal("", CellText.Format(null));
        Assert.Equal("true", CellText.Format(true));
    }
}
