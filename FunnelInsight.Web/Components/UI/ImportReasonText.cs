using FunnelInsight.Core.Import.Reasons;
using FunnelInsight.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FunnelInsight.Web.Components.UI;

/// <summary>
/// An import's reason (a row error, a warning, a failure) in the page's language, with its figures. The English is
/// Core's sentence (<see cref="ImportReason.Text"/>, the one the error file and the command line write); another
/// language words it through <c>ImportReason{Code}</c> in its resources, each quoted value isolated so that a Latin
/// name or number keeps its order inside right-to-left text. A file that is not CSV text is said as the upload check says it.
/// </summary>
public static class ImportReasonText
{
    /// <summary>The resource key that words <paramref name="code"/>.</summary>
    public static string Key(ImportReasonCode code) => "ImportReason" + code;

    /// <summary><paramref name="reason"/> in the current UI language.</summary>
    public static string Of(IStringLocalizer<Strings> localizer, ImportReason reason)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(reason);
        var arguments = reason.Arguments.Select(a => (object)Bidi.Isolate(a)).ToArray();
        var sentence = reason.Code switch
        {
            ImportReasonCode.Text => null,
            ImportReasonCode.NotCsv when reason.Arguments.Count == 2 => localizer["UploadRefused" + reason.Arguments[1]],
            _ => localizer[Key(reason.Code)],
        };

        return sentence is null || sentence.ResourceNotFound || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? reason.Text
            : string.Format(CultureInfo.CurrentCulture, sentence.Value, arguments);
    }
}
