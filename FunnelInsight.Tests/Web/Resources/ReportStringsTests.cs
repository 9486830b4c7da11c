using System.Collections;
using System.Resources;
using FunnelInsight.Web.Resources;

namespace FunnelInsight.Tests.Web.Resources;

public partial class ReportStringsTests
{
    // Texts made of numbers and signs only, the same in both languages.
    private static readonly string[] Neutral = ["AllLanded", "StepLabel", "DropLabel", "MonthN", "Period", "ReferenceLine", "Figure_pValue", "TimeBucketRange"];

    private static readonly ResourceManager Resources = new(typeof(ReportStrings).FullName!, typeof(ReportStrings).Assembly);

    private static Dictionary<string, string> Read(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Every_report_string_has_an_arabic_translation_with_the_same_placeholders()
    {
        var english = Read("");
        var arabic = Read("ar");

        Assert.True(english.Count > 200, $"only {english.Count} English report strings were read");
        Assert.Equal(english.Keys.Order(), arabic.Keys.Order());
        Assert.All(english, pair => Assert.Equal(Placeholders(pair.Value), Placeholders(arabic[pair.Key])));
    }

    [Fact]
    public void Arabic_report_strings_are_written_in_arabic_except_the_numeric_ones()
    {
        var arabic = Read("ar");

        Assert.Equal("مسار التحويل", arabic["NavFunnel"]);
        Assert.All(arabic.Where(pair => !Neutral.Contains(pair.Key)), pair => Assert.Matches(ArabicLetter(), pair.Value));
    }

    [Fact]
    public void Arabic_report_strings_write_their_own_numbers_with_latin_digits_and_marks()
    {
        // The dashboard's one digit style for Arabic (README): Latin digits, "%" and ".", never ٪ ٫ ٬ or Arabic-Indic digits.
        var arabic = Read("ar");

        Assert.All(arabic, pair => Assert.False(ArabicNumberMark().IsMatch(pair.Value), $"{pair.Key}: {pair.Value}"));
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[\u0660-\u066C\u06F0-\u06F9]")]
    private static partial Regex ArabicNumberMark();

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();
}
