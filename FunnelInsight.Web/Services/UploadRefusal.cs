namespace FunnelInsight.Web.Services;

/// <summary>Why an upload was refused, so each page can say it in the user's language.</summary>
public enum UploadRefusal
{
    /// <summary>The file name is empty or has no usable characters.</summary>
    BadFileName,

    /// <summary>The name does not end in .csv, .tsv or .txt.</summary>
    NotCsvExtension,

    /// <summary>Larger than the upload limit.</summary>
    TooLarge,

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

    /// <summary>Holds control bytes that text exports never contain.</summary>
    Binary,

    /// <summary>An HTML page or XML document.</summary>
    WebPage,

    /// <summary>The first line has no comma, semicolon, tab or pipe.</summary>
    NoDelimiter,

    /// <summary>Starts with a UTF-16 byte order mark, but another encoding was chosen.</summary>
    Utf16Marked,

    /// <summary>Starts with a UTF-8 byte order mark, but another encoding was chosen.</summary>
    Utf8Marked,
}
