namespace FunnelInsight.Web.Accounts;

/// <summary>Guards redirects after sign-in, sign-out and a language switch against being sent to another site.</summary>
public static class LocalUrl
{
    /// <summary>
    /// True for a path on this site (<c>/stores/1</c>), false for absolute, protocol-relative or backslash URLs, and
    /// for any with white space, control or non-ASCII characters: a browser may read those differently from us (a tab
    /// or U+3000 after the first slash), and a Location header cannot carry them (they answered 500). Links the
    /// dashboard writes are percent-encoded, so a real return address is never refused.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\')
        && url.All(c => char.IsAscii(c) && !char.IsControl(c) && !char.IsWhiteSpace(c));
}
