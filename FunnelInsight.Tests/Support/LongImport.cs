namespace FunnelInsight.Tests.Support;

/// <summary>
/// A generated event export large enough that its import runs for seconds, and a temporary folder of the test's own
/// (the child processes' <c>TMPDIR</c>) where its roll-up's folder can be watched.
/// </summary>
public sealed class LongImport
{
    private const long Events = 400_000;
    private readonly TempDatabase _database;

    private LongImport(TempDatabase database)
    {
        _database = database;
        TempFolder = Path.Combine(database.Folder, "tmp");
        Directory.CreateDirectory(TempFolder);
        database.WriteGeneratedEvents(Path.GetFileName(EventsFile), new StoreGeneratorOptions(Events, 0));
    }

    /// <summary>The export.</summary>
    public string EventsFile => Path.Combine(_database.Folder, "long-events.csv");

    /// <summary>The temporary folder the processes started by this test use.</summary>
    public string TempFolder { get; }

    /// <summary>The environment that points the processes at <see cref="TempFolder"/>.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["TMPDIR"] = TempFolder };

    /// <summary>True while an import is rolling its sessions up (its roll-up folder, with the lock it holds, is there: it is mid-way).</summary>
    public bool RollingUp => RollupFolders.Any(folder => File.Exists(Path.Combine(folder, "owner.lock")));

    /// <summary>
    /// True once the events file has a write-ahead log: DuckDB writes it when a transaction commits, so an import that
    /// has it is at its commit (DuckDB's, then the application database's).
    /// </summary>
    public bool Committing => new FileInfo(_database.Database.EventsPath + ".wal") is { Exists: true, Length: > 0 };

    /// <summary>The events a complete import of the export stores.</summary>
    public const long EventCount = Events;

    /// <summary>The roll-up folders present.</summary>
    public IReadOnlyList<string> RollupFolders => Directory.GetDirectories(TempFolder, "funnelinsight-rollup-*");

    /// <summary>Writes the export into <paramref name="database"/>'s folder.</summary>
    public static LongImport Create(TempDatabase database) => new(database);

    /// <summary>Starts <c>import --store STORE --events</c> of the export as its own process.</summary>
    public ChildProcess Start(string store) => ChildProcess.Start(_database, Settings, "import", "--store", store, "--events", EventsFile);
}
