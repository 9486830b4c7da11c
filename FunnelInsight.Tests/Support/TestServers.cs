namespace FunnelInsight.Tests.Support;

/// <summary>
/// The database servers a test run was given. <c>FUNNELINSIGHT_TEST_POSTGRES</c> is a PostgreSQL connection string for
/// a user that may create databases, <c>FUNNELINSIGHT_TEST_CLICKHOUSE</c> a ClickHouse server's HTTP address
/// (<c>.ci/run</c> starts a server of each of its own and sets them). Without one the tests that need its server are
/// skipped, unless <c>FUNNELINSIGHT_REQUIRE_SERVERS=1</c>: then they run and fail.
/// </summary>
public static class TestServers
{
    /// <summary>The variable naming the PostgreSQL server.</summary>
    public const string PostgresVariable = "FUNNELINSIGHT_TEST_POSTGRES";

    /// <summary>The variable that turns a missing server into failures.</summary>
    public const string RequireVariable = "FUNNELINSIGHT_REQUIRE_SERVERS";

    /// <summary>The PostgreSQL connection string, or null when none is configured.</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether a missing server must fail its tests.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why a PostgreSQL test is skipped; null when it runs (a server is configured, or one is required).</summary>
    public static string? PostgresSkipReason => Postgres is null && !Required
        ? $"No PostgreSQL server: set {PostgresVariable} to a connection string of a user that may create databases, or run `bash .ci/run`, which starts one."
        : null;

    /// <summary>The configured PostgreSQL connection string; throws with how to configure it when there is none.</summary>
    public static string RequirePostgres() => Postgres
        ?? throw new InvalidOperationException($"{RequireVariable}=1 but {PostgresVariable} is not set: this test needs a PostgreSQL server (`bash .ci/run` starts one).");

    /// <summary>The variable naming the ClickHouse server.</summary>
    public const string ClickHouseVariable = "FUNNELINSIGHT_TEST_CLICKHOUSE";

    private static readonly HttpClient Http = new();

    /// <summary>The ClickHouse server's HTTP address, or null.</summary>
    public static string? ClickHouse => Environment.GetEnvironmentVariable(ClickHouseVariable) is { Length: > 0 } address
        ? address.TrimEnd('/') + "/"
        : null;

    /// <summary>
    /// Why a ClickHouse test is skipped; null when it runs (both servers are configured, or servers are required). A
    /// store on ClickHouse keeps its application data on PostgreSQL (<see cref="TempDatabase"/>), so both must answer.
    /// </summary>
    public static string? ClickHouseSkipReason => ClickHouse is null && !Required
        ? $"No ClickHouse server: set {ClickHouseVariable}=http://127.0.0.1:PORT/, or run `bash .ci/run`, which starts one."
        : PostgresSkipReason;

    /// <summary>Whether the ClickHouse tests run (else they are skipped and their fixtures do nothing).</summary>
    public static bool ClickHouseRuns => ClickHouseSkipReason is null;

    /// <summary>Event-engine options for a new, empty ClickHouse database of the test's own on the server.</summary>
    /// <exception cref="InvalidOperationException">No server is configured.</exception>
    public static EventEngineOptions ClickHouseEngine() => new()
    {
        ClickHouse = (ClickHouse ?? throw new InvalidOperationException($"{RequireVariable}=1 but {ClickHouseVariable} is not set: this test needs a ClickHouse server (`bash .ci/run` starts one)."))
            + "?database=fi_test_" + Guid.NewGuid().ToString("N"),
    };

    /// <summary>The variable naming the ClickHouse cluster of two shards (<c>.ci/clickhouse</c> declares one on its server).</summary>
    public const string ClickHouseClusterVariable = "FUNNELINSIGHT_TEST_CLICKHOUSE_CLUSTER";

    /// <summary>The xunit collection of the tests on two shards: they take turns, as they share the shards' databases.</summary>
    public const string TwoShardsCollection = "ClickHouse on two shards";

    /// <summary>The cluster of two shards the tests on shards use.</summary>
    public static string ClickHouseCluster =>
        Environment.GetEnvironmentVariable(ClickHouseClusterVariable) is { Length: > 0 } cluster ? cluster : "funnelinsight_two_shards";

    /// <summary>
    /// Event-engine options for a new, empty ClickHouse database of the test's own whose events are sharded over the two
    /// shards of <see cref="ClickHouseCluster"/>. Both shards are databases of the one server that the cluster names for
    /// every test alike, so they are emptied first (the tests on two shards take turns: <see cref="TwoShardsCollection"/>).
    /// </summary>
    public static EventEngineOptions ClickHouseTwoShardsEngine()
    {
        var engine = ClickHouseEngine() with { ClickHouseShards = ClickHouseCluster };
        foreach (var database in ShardDatabases())
        {
            ClickHouseServer($"DROP DATABASE IF EXISTS {database}");
        }

        return engine;
    }

    /// <summary>The databases of <see cref="ClickHouseCluster"/>'s shards, in shard order.</summary>
    public static IReadOnlyList<string> ShardDatabases() =>
        ClickHouseServer($"SELECT default_database FROM system.clusters WHERE cluster = '{ClickHouseCluster}' ORDER BY shard_num")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <paramref name="sql"/> on the ClickHouse server outside any database; returns its TabSeparated answer.</summary>
    public static string ClickHouseServer(string sql)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ClickHouse) { Content = new StringContent(sql) };
        using var response = Http.Send(request);
        var text = new StreamReader(response.Content.ReadAsStream()).ReadToEnd();
        Assert.True(response.IsSuccessStatusCode, text);
        return text.TrimEnd('\n');
    }

    /// <summary>Runs <paramref name="sql"/> in the ClickHouse database of <paramref name="options"/>; returns its TabSeparated answer.</summary>
    public static async Task<string> ClickHouseAsync(EventEngineOptions options, string sql)
    {
        using var content = new StringContent(sql);
        using var response = await Http.PostAsync(options.ClickHouse, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text.TrimEnd('\n');
    }

    /// <summary>Drops the ClickHouse database of <paramref name="options"/> (a test's own), if it has one.</summary>
    public static async Task DropClickHouseDatabaseAsync(EventEngineOptions options)
    {
        if (options.ClickHouse is not { } address)
        {
            return;
        }

        var uri = new Uri(address);
        var database = System.Web.HttpUtility.ParseQueryString(uri.Query)["database"];
        using var content = new StringContent($"DROP DATABASE IF EXISTS {database}");
        using var response = await Http.PostAsync(new UriBuilder(uri) { Query = "" }.Uri, content);
        response.EnsureSuccessStatusCode();
    }
}
