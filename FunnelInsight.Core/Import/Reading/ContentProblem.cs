namespace FunnelInsight.Core.Import.Reading;

/// <summary>Why a file is not a CSV export at all, found from its first bytes.</summary>
public enum ContentProblem
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>A ZIP archive or an Excel workbook (.xlsx).</summary>
    ZipArchive,

    /// <summary>An Excel (.xls) or other Office document.</summary>
    OfficeDocument,

    /// <summary>Gzip-compressed.</summary>
    Gzip,

    /// <summary>A PDF document.</summary>
    Pdf,

    /// <summary>An executable program.</summary>
    Program,

    /// <summary>A PNG or JPEG image.</summary>
    Image,

    /// <summary>Holds control characters that text exports never contain.</summary>
    Binary,

    /// <summary>An HTML page or XML document.</summary>
    WebPage,

    /// <summary>The first line has no comma, semicolon, tab or pipe.</summary>
    NoDelimiter,

    /// <summary>Starts with a UTF-16 byte order mark, but is read in another encoding chosen by the user.</summary>
    Utf16Marked,

    /// <summary>Starts with a UTF-8 byte order mark, but is read in another encoding chosen by the user.</summary>
    Utf8Marked,
}
