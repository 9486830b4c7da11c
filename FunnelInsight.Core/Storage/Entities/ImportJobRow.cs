using FunnelInsight.Core.Import;

namespace FunnelInsight.Core.Storage.Entities;

/// <summary>
/// An upload waiting for, or being run by, one of the dashboard instances that share a PostgreSQL database (table
/// <c>importjobs</c>): what to import, who holds it and until when, and how far it has come.
/// </summary>
public sealed class ImportJobRow
{
    /// <summary>Database key, in the order the jobs were queued.</summary>
    public long Id { get; set; }

    /// <summary>The store the rows go into.</summary>
    public int StoreId { get; set; }

    /// <summary>Events or orders.</summary>
    public ImportKind Kind { get; set; }

    /// <summary>The upload, relative to the shared uploads folder (or absolute when it lies outside it).</summary>
    public required string UploadPath { get; set; }

    /// <summary>The name the user knows the file by.</summary>
    public required string FileName { get; set; }

    /// <summary>Size in bytes.</summary>
    public long FileSize { get; set; }

    /// <summary>The format chosen, or null to detect it.</summary>
    public string? Format { get; set; }

    /// <summary>Column mapping overrides.</summary>
    public string? Mapping { get; set; }

    /// <summary>The text encoding chosen, or null to detect it.</summary>
    public string? Encoding { get; set; }

    /// <summary>The day/month order chosen (<see cref="Import.Reading.DateOrder"/>), or null.</summary>
    public int? DateOrder { get; set; }

    /// <summary>The decimal mark chosen (<see cref="Import.Reading.DecimalMark"/>), or null.</summary>
    public int? DecimalMark { get; set; }

    /// <summary>Queued, running or ended (<see cref="Import.Jobs.ImportJobState"/>).</summary>
    public int State { get; set; }

    /// <summary>The instance holding it while it runs.</summary>
    public string? Owner { get; set; }

    /// <summary>Until when the owner holds it; another instance takes a running job over once this has passed.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>How many times it has been claimed.</summary>
    public int Attempts { get; set; }

    /// <summary>The import record of the latest attempt, once it has one.</summary>
    public int? ImportId { get; set; }

    /// <summary>The phase of the latest attempt (<see cref="ImportPhase"/>).</summary>
    public int Phase { get; set; }

    /// <summary>Bytes of the file read so far.</summary>
    public long BytesRead { get; set; }

    /// <summary>Data rows read so far.</summary>
    public long RowsRead { get; set; }

    /// <summary>Set when a user (on any instance) stops the import; its owner cancels it at its next beat.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>When it was queued.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When it ended; null before.</summary>
    public DateTime? EndedUtc { get; set; }
}
