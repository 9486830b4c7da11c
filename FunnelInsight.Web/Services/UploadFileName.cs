using System.Text;

namespace FunnelInsight.Web.Services;

/// <summary>
/// Cleans a file name given by a browser or client: no folders, no control or reserved characters, a bounded
/// length. The result is only shown and recorded; files are stored under names of our own.
/// </summary>
public static class UploadFileName
{
    /// <summary>The longest name kept (the extension survives the cut).</summary>
    public const int MaxLength = 120;

    private const string Reserved = "<>:\"/\\|?*";

    /// <summary>The sanitised name, or null when nothing usable is left.</summary>
    public static string? Sanitise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // Both separators, whatever the server's OS: a Windows client sends C:\Users\…\file.csv.
        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && !Reserved.Contains(c, StringComparison.Ordinal) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                clean.Append(c);
            }
        }

        var text = clean.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > MaxLength)
        {
            var extension = Path.GetExtension(text);
            extension = extension.Length <= 10 ? extension : "";
            text = text[..(MaxLength - extension.Length)].TrimEnd() + extension;
        }

        return text;
    }
}
