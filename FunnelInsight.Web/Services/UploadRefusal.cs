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

    /// <summary>Its first bytes are not a CSV export: <see cref="UploadResult.Content"/> says why (Core's verdict, the command line's too).</summary>
    NotCsvContent,
}
