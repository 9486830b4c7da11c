using FunnelInsight.Core.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Web.Services;

/// <summary>Reads FunnelInsight's settings the same way for the dashboard and the command line.</summary>
public static class FunnelInsightConfiguration
{
    /// <summary>The configuration key of the database connection string.</summary>
    public const string ConnectionName = "FunnelInsight";

    /// <summary>The app's own folder: settings and static assets are found here whatever the working folder.</summary>
    public static string AppFolder => AppContext.BaseDirectory;

    /// <summary>The default database: <c>funnelinsight.db</c> in the user's application data folder.</summary>
    public static string DefaultDatabasePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "FunnelInsight", "funnelinsight.db");

    /// <summary>
    /// The database of <c>Database:Provider</c> (<c>sqlite</c>, the default, or <c>postgres</c>) at
    /// <c>ConnectionStrings:FunnelInsight</c>: for SQLite the default file when none is set; for PostgreSQL an Npgsql
    /// connection string, required, with the files kept beside the database (the events file, uploads) in
    /// <c>Database:DataFolder</c> (default: the folder of the default SQLite file).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown provider, or PostgreSQL without a connection string.</exception>
    public static FunnelDatabase Database(IConfiguration configuration)
    {
        var section = configuration.GetSection("Database");
        var provider = section["Provider"] is { Length: > 0 } name ? DatabaseProvider.Named(name) : DatabaseProvider.Sqlite;
        var configured = configuration.GetConnectionString(ConnectionName);
        var dataFolder = section["DataFolder"] is { Length: > 0 } folder ? Path.GetFullPath(folder) : null;
        if (provider.IsServer)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new ArgumentException(
                    $"Database:Provider is {provider.Name} but ConnectionStrings:{ConnectionName} is not set (for example Host=127.0.0.1;Port=5432;Database=funnelinsight;Username=…;Password=…).",
                    nameof(configuration));
            }

            return new FunnelDatabase(provider, configured, dataFolder ?? Path.GetDirectoryName(DefaultDatabasePath), EventOptions(configuration));
        }

        return new FunnelDatabase(provider, provider.Resolve(configured, DefaultDatabasePath), dataFolder, EventOptions(configuration));
    }

    /// <summary>
    /// The event engine and its limits from the <c>Events</c> section: <c>Engine</c> (<c>duckdb</c>, the default, or
    /// <c>clickhouse</c> with the server in <c>ConnectionStrings:ClickHouse</c>), DuckDB's <c>MemoryLimit</c> (for example
    /// <c>100MB</c>) and <c>SortMemoryLimit</c> (the session rollups' sort), <c>Threads</c> (while writing), <c>QueryThreads</c> and <c>TempDirectory</c>, ClickHouse's <c>Shards</c> (a cluster), <c>ClickHouseImportSlice</c> and
    /// <c>ClickHouseFunnelSlice</c>, and the dashboard's
    /// <c>SessionCacheMegabytes</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><c>Events:Engine</c> names another engine, or ClickHouse without its connection string, or shards without ClickHouse.</exception>
    public static EventEngineOptions EventOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection("Events");
        string? clickHouse = null;
        switch (section["Engine"]?.Trim().ToLowerInvariant())
        {
            case null or "" or "duckdb":
                break;
            case "clickhouse":
                clickHouse = configuration.GetConnectionString("ClickHouse") is { Length: > 0 } address ? address
                    : throw new ArgumentException(
                        "Events:Engine is clickhouse but ConnectionStrings:ClickHouse is not set (for example http://127.0.0.1:8123/?database=funnelinsight).",
                        nameof(configuration));
                break;
            default:
                throw new ArgumentException(
                    $"Unknown event engine '{section["Engine"]}' (Events:Engine): events are stored in DuckDB (duckdb, the default) or ClickHouse (clickhouse).",
                    nameof(configuration));
        }

        var shards = section["Shards"] is { Length: > 0 } cluster ? cluster.Trim() : null;
        if (shards is not null && clickHouse is null)
        {
            throw new ArgumentException($"Events:Shards names a ClickHouse cluster ('{shards}'), but Events:Engine is not clickhouse: only ClickHouse shards events.", nameof(configuration));
        }

        var defaults = new EventEngineOptions();
        return new EventEngineOptions
        {
            ClickHouse = clickHouse,
            ClickHouseShards = shards,
            MemoryLimit = section["MemoryLimit"] is { Length: > 0 } limit ? limit : defaults.MemoryLimit,
            SortMemoryLimit = section["SortMemoryLimit"] is { Length: > 0 } sortLimit ? sortLimit : defaults.SortMemoryLimit,
            Threads = section.GetValue<int?>("Threads") is > 0 and var threads ? threads : defaults.Threads,
            QueryThreads = section.GetValue<int?>("QueryThreads") is > 0 and var queryThreads ? queryThreads : defaults.QueryThreads,
            TempDirectory = section["TempDirectory"] is { Length: > 0 } temp ? Path.GetFullPath(temp) : defaults.TempDirectory,
            ClickHouseImportSlice = section.GetValue<long?>("ClickHouseImportSlice") is > 0 and var slice ? slice : defaults.ClickHouseImportSlice,
            ClickHouseFunnelSlice = section.GetValue<long?>("ClickHouseFunnelSlice") is > 0 and var funnelSlice ? funnelSlice : defaults.ClickHouseFunnelSlice,
            SessionCacheMegabytes = section.GetValue<int?>("SessionCacheMegabytes") is >= 0 and var megabytes ? megabytes : defaults.SessionCacheMegabytes,
        };
    }

    /// <summary>Settings and environment variables, for the command line (which starts no web host).</summary>
    public static IConfiguration Load() =>
        new ConfigurationBuilder()
            .SetBasePath(AppFolder)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production"}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>
    /// The folder of the demo samples: <c>Demo:DataFolder</c> when set, else the nearest <c>data/</c> folder
    /// holding <paramref name="sampleFile"/> above the app or the working folder; null when there is none.
    /// </summary>
    public static string? DemoDataFolder(IConfiguration configuration, string sampleFile)
    {
        if (configuration["Demo:DataFolder"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { AppFolder, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, sampleFile)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
