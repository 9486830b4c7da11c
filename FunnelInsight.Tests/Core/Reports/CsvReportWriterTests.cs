using static FunnelInsight.Core.Reports.ReportColumn;

namespace FunnelInsight.Tests.Core.Reports;

public sealed class CsvReportWriterTests
{
    [Fact]
    public async Task Text_that_looks_like_a_formula_is_escaped_while_numbers_times_and_flags_are_written_as_they_are()
    {
        var table = new ReportTable("t", [Text("label"), Number("delta"), Count("n"), Text("flag"), Text("at"), Text("day"), Text("month")],
        [
            ["=HYPERLINK(\"http://evil\",\"x\")", -0.25, -3L, true, new DateTime(2025, 3, 4, 10, 2, 0, DateTimeKind.Utc),
                new ReportCell(new DateOnly(2025, 3, 4), CellKind.Date), new ReportCell(new DateOnly(2025, 3, 1), CellKind.Month)],
            ["-2+3", 1.0 / 3, 0L, false, null, null, null],
            ["a,b", 12.5, 7, "two\nlines", "plain", "@SUM(A1)", "\t=1"],
        ]);
        using var output = new StringWriter();

        await CsvReportWriter.WriteAsync(new ReportDocument("r", new { }, [table]), output);

        Assert.Equal(
            "label,delta,n,flag,at,day,month\r\n" +
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-0.25,-3,true,2025-03-04T10:02:00Z,2025-03-04,2025-03\r\n" +
            "\"'-2+3\",0.3333333333333333,0,false,,,\r\n" +
            "\"a,b\",12.5,7,\"two\nlines\",plain,\"'@SUM(A1)\",\"'\t=1\"\r\n",
            output.ToString());
    }
}
