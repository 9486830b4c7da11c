using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Tests.Core.Import.Reasons;

public sealed class ImportReasonTests
{
    [Fact]
    public void A_reason_is_worded_in_english_from_its_code_and_arguments()
    {
        Assert.Equal("Expected 12 columns, found 3.", ImportReason.Of(ImportReasonCode.ColumnCount, "12", "3").Text);
        Assert.Equal("price '12,5x' is not a number.", ImportReason.Of(ImportReasonCode.NotANumber, "price", "12,5x").Text);
    }

    [Fact]
    public void A_file_that_is_not_csv_is_worded_by_the_content_check_sentence()
    {
        var reason = ImportReason.Of(ImportReasonCode.NotCsv, "x.csv", nameof(ContentProblem.Binary));

        Assert.Equal("\"x.csv\" contains binary data, not text: it is not a CSV export.", reason.Text);
    }

    [Fact]
    public void Every_code_has_an_english_sentence_and_a_placeholder_for_each_argument_in_order()
    {
        Assert.All(Enum.GetValues<ImportReasonCode>(), code =>
        {
            var count = ImportReason.ArgumentCount(code);
            var sentence = ImportReason.English(code);
            Assert.DoesNotContain("{" + count + "}", sentence, StringComparison.Ordinal);
        });
        Assert.Equal(3, ImportReason.ArgumentCount(ImportReasonCode.MappedColumnMissing));
        Assert.Equal(0, ImportReason.ArgumentCount(ImportReasonCode.UnterminatedQuote));
    }

    [Fact]
    public void A_stored_reason_reads_back_as_it_was_and_braces_in_a_value_stay_text()
    {
        var reason = ImportReason.Of(ImportReasonCode.UnparseableTime, "{0} \"quoted\" ملف");

        var read = ImportReason.Stored((int)reason.Code, reason.StoredArguments(), reason.Text);

        Assert.Equal(reason, read);
        Assert.Equal("Unparseable time '{0} \"quoted\" ملف'.", read.Text);
    }

    [Theory]
    [InlineData(0, "[\"x\"]")]        // kept before reasons had codes
    [InlineData(3, null)]
    [InlineData(3, "not json")]
    [InlineData(3, "[\"a\",\"b\"]")]  // one argument too many
    [InlineData(999, "[]")]           // a code this version does not know
    public void A_stored_reason_without_readable_code_or_arguments_is_its_english_text(int code, string? arguments)
    {
        var read = ImportReason.Stored(code, arguments, "Some stored sentence.");

        Assert.Equal((ImportReasonCode.Text, "Some stored sentence."), (read.Code, read.Text));
    }
}
