using System.Collections;
using System.Resources;
using FunnelInsight.Core.Import.Preview;
using FunnelInsight.Core.Import.Reasons;
using FunnelInsight.Web.Components.UI;
using FunnelInsight.Web.Resources;

namespace FunnelInsight.Tests.Web.Resources;

public partial class StringsTests
{
    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    private static Dictionary<string, string> Read(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Every_english_string_has_an_arabic_translation_with_the_same_placeholders()
    {
        var english = Read(CultureInfo.InvariantCulture);
        var arabic = Read(CultureInfo.GetCultureInfo("ar"));

        Assert.True(english.Count > 90, $"only {english.Count} English strings were read");
        Assert.Empty(english.Keys.Except(arabic.Keys));
        // An import's reasons are worded in English by Core (ImportReasonCode), in Arabic here: see the test below.
        Assert.Empty(arabic.Keys.Where(k => !k.StartsWith("ImportReason", StringComparison.Ordinal)).Except(english.Keys));
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(arabic[key])), $"{key}: '{text}' and '{arabic[key]}' differ in placeholders");
        }
    }

    [Fact]
    public void Every_import_reason_has_arabic_words_with_the_placeholders_of_cores_english_sentence()
    {
        var arabic = Read(CultureInfo.GetCultureInfo("ar"));
        var english = Read(CultureInfo.InvariantCulture);
        // Text is shown as it is; NotCsv is worded by the upload check's UploadRefused… strings.
        var codes = Enum.GetValues<ImportReasonCode>().Except([ImportReasonCode.Text, ImportReasonCode.NotCsv]).ToArray();

        Assert.Equal(32, codes.Length);
        foreach (var code in codes)
        {
            var key = ImportReasonText.Key(code);
            Assert.True(arabic.ContainsKey(key), $"no Arabic for {key}");
            Assert.False(english.ContainsKey(key), $"{key} is worded twice in English");
            Assert.True(Placeholders(ImportReason.English(code)).SetEquals(Placeholders(arabic[key])), $"{key}: '{arabic[key]}' differs from Core's placeholders");
        }
    }

    [Fact]
    public void Arabic_strings_are_written_in_arabic()
    {
        var arabic = Read(CultureInfo.GetCultureInfo("ar"));

        Assert.Equal("الاستيراد", arabic["NavImports"]);
        Assert.All(arabic.Where(pair => !pair.Key.StartsWith("Size", StringComparison.Ordinal)), pair =>
            Assert.Matches(ArabicLetter(), pair.Value));
    }

    [Fact]
    public void Every_upload_refusal_and_preview_problem_has_words_in_both_languages()
    {
        // The Imports page builds these keys from the codes; size and emptiness have their own older keys, and a
        // refusal for the content is worded by its content problem.
        string[] keys =
        [
            .. Enum.GetValues<UploadRefusal>().Except([UploadRefusal.TooLarge, UploadRefusal.NotCsvContent]).Select(r => "UploadRefused" + r),
            .. Enum.GetValues<ContentProblem>().Except([ContentProblem.Empty]).Select(p => "UploadRefused" + p),
            .. Enum.GetValues<PreviewProblem>().Select(p => "Preview" + p),
        ];
        var english = Read(CultureInfo.InvariantCulture);
        var arabic = Read(CultureInfo.GetCultureInfo("ar"));

        Assert.Equal(17, keys.Length);
        Assert.Empty(keys.Except(english.Keys));
        Assert.Empty(keys.Except(arabic.Keys));
        Assert.Equal("\"{0}\" is an image, not a CSV export.", english["UploadRefusedImage"]);
        Assert.Equal("«{0}» صورة، وليست ملف تصدير CSV.", arabic["UploadRefusedImage"]);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();
}
