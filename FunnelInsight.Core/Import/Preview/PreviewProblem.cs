namespace FunnelInsight.Core.Import.Preview;

/// <summary>Why a file cannot be imported at all, as a code the dashboard puts in the user's language.</summary>
public enum PreviewProblem
{
    /// <summary>The file holds binary data, not CSV text.</summary>
    NotText,

    /// <summary>The file is empty or has no header row.</summary>
    NoHeader,

    /// <summary>The header has a single column: the file is not comma, semicolon, tab or pipe separated.</summary>
    OneColumn,

    /// <summary>The file starts with a byte order mark (UTF-16, UTF-8) that names another encoding than the one chosen.</summary>
    MarkedEncoding,
}
