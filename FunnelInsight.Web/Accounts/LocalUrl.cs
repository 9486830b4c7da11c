namespace FunnelInsight.Web.Accounts;

/// <summary>Guards redirects after sign-in and sign-out against being sent to another site.</summary>
public static class LocalUrl
{
    /// <summary>True for a path on this site (<c>/stores/1</c>), false for absolute, protocol-relative or backslash URLs.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\')
        && !url.Any(char.IsControl);
}
