using FunnelInsight.Core.Import;

namespace FunnelInsight.Core.Storage.Entities;

/// <summary>One uploaded file and what became of its rows.</summary>
public sealed class ImportRun
{
    /// <summary>Database key.</summary>
    public int Id { get; set; }

    /// <summary>The store the rows went into.</summary>
    public int StoreId { get; set; }

    /// <summary>Events or orders.</summary>
    public ImportKind Kind { get; set; }

    /// <summary>The file name as the user gave it.</summary>
    public required string FileName { get; set; }

    /// <summary>Size in bytes.</summary>
    public long FileSize { get; set; }

    /// <summary>SHA-256 of the file, hex.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The format detected or chosen (for example <c>ga4</c>).</summary>
    public string Format { get; set; } = "";

    /// <summary>The column mapping used, as <c>field=column</c> pairs.</summary>
    public string Mapping { get; set; } = "";

    /// <summary>Data rows read from the file.</summary>
    public long RowsRead { get; set; }

    /// <summary>Rows stored as new events or order lines.</summary>
    public long RowsStored { get; set; }

    /// <summary>Rows that could not be read; each has a row error.</summary>
    public long RowsRejected { get; set; }

    /// <summary>Warnings: optional fields that could not be read, their rows kept without the value; each has a row error of severity warning.</summary>
    public long Warnings { get; set; }

    /// <summary>Rows already in the store (same file again, or an overlapping export).</summary>
    public long RowsDuplicate { get; set; }

    /// <summary>Order lines of orders the store had that this export changed (status, refunds, amounts).</summary>
    public long RowsUpdated { get; set; }

    /// <summary>When the import began (UTC).</summary>
    public DateTime StartedUtc { get; set; }

    /// <summary>When it ended (UTC), or null while running.</summary>
    public DateTime? FinishedUtc { get; set; }

    /// <summary>Where it is in its life.</summary>
    public ImportStatus Status { get; set; }

    /// <summary>Why it failed, when it did (in English).</summary>
    public string? Message { get; set; }

    /// <summary>The code of <see cref="Message"/> (<see cref="Import.Reasons.ImportReasonCode"/>); null for none or a message kept as text only.</summary>
    public int? MessageCode { get; set; }

    /// <summary>The arguments of <see cref="Message"/> as a JSON array of strings; null for none.</summary>
    public string? MessageArguments { get; set; }
}
