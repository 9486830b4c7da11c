using System.Net.Http;
using FunnelInsight.Core.Events;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// The database servers some tests run against, named by environment variables that <c>.ci/run</c> sets after starting
/// them: <c>FUNNELINSIGHT_TEST_CLICKHOUSE</c> (a ClickHouse server's HTTP address). Without them those tests are
/// skipped, unless <c>FUNNELINSIGHT_REQUIRE_SERVERS=1</c> says the run must have them (then they fail).
/// </summary>
public static class TestServers
{
    /// <summary>How to run the tests that are skipped.</summary>
    public const string HowToRun = "needs a ClickHouse server: run `bash .ci/run`, which starts one, or set FUNNELINSIGHT_TEST_CLICKHOUSE=http://127.0.0.1:PORT/";

    private static readonly HttpClient Http = new();

    /// <summary>The ClickHouse server's HTTP address, or null.</summary>
    public static string? ClickHouse => Environment.GetEnvironmentVariable("FUNNELINSIGHT_TEST_CLICKHOUSE") is { Length: > 0 } address
        ? address.TrimEnd('/') + "/"
        : null;

    /// <summary>The cluster of two shards on that server, if it has one.</summary>
    public static string? ClickHouseCluster => Environment.GetEnvironmentVariable("FUNNELINSIGHT_TEST_CLICKHOUSE_CLUSTER") is { Length: > 0 } cluster ? cluster : null;

    /// <summary>Whether a test whose server is missing fails rather than being skipped.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("FUNNELINSIGHT_REQUIRE_SERVERS") == "1";

    /// <summary>Why a ClickHouse test is skipped now; null when it runs.</summary>
    public static string? ClickHouseSkipReason => ClickHouse is null && !Required ? HowToRun : null;

    /// <summary>Whether the ClickHouse tests run (else they are skipped and their fixtures do nothing).</summary>
    public static bool ClickHouseRuns => ClickHouseSkipReason is null;

    /// <summary>Event-engine options for a new, empty ClickHouse database of the test's own on the server.</summary>
    /// <exception cref="InvalidOperationException">No server is configured.</exception>
    public static EventEngineOptions ClickHouseEngine() => new()
    {
        ClickHouse = (ClickHouse ?? throw new InvalidOperationException("FUNNELINSIGHT_REQUIRE_SERVERS=1 but FUNNELINSIGHT_TEST_CLICKHOUSE is not set: " + HowToRun))
            + "?database=fi_test_" + Guid.NewGuid().ToString("N"),
    };

    /// <summary>Runs <paramref name="sql"/> in the ClickHouse database of <paramref name="options"/>; returns its TabSeparated answer.</summary>
    public static async Task<string> ClickHouseAsync(EventEngineOptions options, string sql)
    {
        using var content = new StringContent(sql);
        using var response = await Http.PostAsync(options.ClickHouse, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text.TrimEnd('\n');
    }

    /// <summary>Drops the database of <paramref name="options"/> (a ClickHouse test's own).</summary>
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
