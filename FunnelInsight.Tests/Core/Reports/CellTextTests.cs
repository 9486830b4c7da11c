namespace FunnelInsight.Tests.Core.Reports;

public class CellTextTests
{
    [Fact]
    public void Text_cells_go_through_the_formula_neutraliser_and_plain_text_stays_as_it_is()
    {
        // Every injection character is covered by SpreadsheetCellTests; here only that text cells use it.
        Assert.Equal("'=HYPERLINK(\"http://x\")", CellText.Format("=HYPERLINK(\"http://x\")"));
        Assert.Equal("mobile", CellText.Format("mobile"));
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
