namespace FunnelInsight.Core.Import;

/// <summary>How far an import has come.</summary>
/// <param name="Phase">What it is doing: waiting for its turn, reading, building rollups, or done.</param>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="TotalBytes">Size of the file.</param>
/// <param name="RowsRead">Data rows read so far.</param>
/// <param name="ImportId">The import's record, once it has one (0 while it waits for its turn to create it).</param>
public readonly record struct ImportProgress(ImportPhase Phase, long BytesRead, long TotalBytes, long RowsRead, int ImportId = 0)
{
    /// <summary>Share of the file read, 0 to 1.</summary>
    public double Fraction => TotalBytes > 0 ? Math.Clamp((double)BytesRead / TotalBytes, 0, 1) : 0;
}

/// <summary>The phases of an import.</summary>
public enum ImportPhase
{
    /// <summary>Reading and storing rows.</summary>
    Reading,

    /// <summary>Building the per-session rollups analytics read.</summary>
    BuildingRollups,

    /// <summary>Finished.</summary>
    Done,

    /// <summary>Waiting for another writer (another import) to finish with the database before it starts.</summary>
    Waiting,
}
