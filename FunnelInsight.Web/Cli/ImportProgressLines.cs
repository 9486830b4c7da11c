namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>import</c>'s progress on stderr, the same lines whether the import runs in this process or in the running
/// dashboard: that it waits its turn, every tenth of the file read, and when it builds the session rollups; an import
/// that builds none (orders) ends on a last line with every row it read, where the file was all read (100%) before its
/// last rows were counted. Reported on
/// the caller's thread (the console has no synchronisation context to post to). Remembers the import's id once known.
/// </summary>
internal sealed class ImportProgressLines(TextWriter error) : IProgress<ImportProgress>
{
    private int _lastPercent = -1;
    private long _lastRows = -1;

    /// <summary>The import's record, once the import has one; 0 before.</summary>
    public int ImportId { get; private set; }

    /// <inheritdoc />
    public void Report(ImportProgress value)
    {
        if (value.ImportId != 0)
        {
            ImportId = value.ImportId;
        }

        var percent = (int)(value.Fraction * 100);
        if (value.Phase == ImportPhase.Waiting)
        {
            error.WriteLine("import: waiting for another import to finish…");
        }
        else if (percent / 10 != _lastPercent / 10 && value.Phase == ImportPhase.Reading)
        {
            _lastPercent = percent;
            _lastRows = value.RowsRead;
            error.WriteLine($"import: {percent}% ({value.RowsRead:N0} rows)");
        }
        else if (value.Phase == ImportPhase.Done && _lastPercent is >= 0 and <= 100 && value.RowsRead != _lastRows)
        {
            // The file is read in blocks, so 100% of its bytes is reached while rows are still being counted.
            _lastPercent = 101;
            error.WriteLine($"import: 100% ({value.RowsRead:N0} rows)");
        }
        else if (value.Phase == ImportPhase.BuildingRollups && _lastPercent <= 100)
        {
            _lastPercent = 101;
            error.WriteLine($"import: building session rollups from {value.RowsRead:N0} rows…");
        }
    }
}
