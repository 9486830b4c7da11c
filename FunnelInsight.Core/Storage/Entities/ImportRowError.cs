namespace FunnelInsight.Core.Storage.Entities;

/// <summary>
/// A row of an import that could not be read (an error: the row was rejected), or whose optional field could not be
/// (a warning: the row was kept without the value), kept so the merchant can fix and re-upload it.
/// </summary>
public sealed class ImportRowError
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>The import the row came from.</summary>
    public int ImportId { get; set; }

    /// <summary>1-based line of the file where the row starts.</summary>
    public long Line { get; set; }

    /// <summary>The column at fault, or null when the whole row is.</summary>
    public string? Column { get; set; }

    /// <summary>What is wrong, in plain words.</summary>
    public required string Reason { get; set; }

    /// <summary>The row as it was in the file (cut at 4,000 characters).</summary>
    public required string RawLine { get; set; }

    /// <summary>The reason's code (<see cref="Import.Reasons.ImportReasonCode"/>); 0 for a reason kept as text only (from before codes).</summary>
    public int ReasonCode { get; set; }

    /// <summary>The reason's arguments as a JSON array of strings; null for a reason kept as text only.</summary>
    public string? ReasonArguments { get; set; }

    /// <summary>Rejected row or warning; rows kept from before warnings existed are errors.</summary>
    public Import.RowSeverity Severity { get; set; }
}
