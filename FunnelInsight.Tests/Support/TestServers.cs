namespace FunnelInsight.Tests.Support;

/// <summary>
/// The database servers a test run was given. <c>FUNNELINSIGHT_TEST_POSTGRES</c> is a PostgreSQL connection string for
/// a user that may create databases (<c>.ci/run</c> starts a server of its own and sets it). Without it the tests that
/// need the server are skipped, unless <c>FUNNELINSIGHT_REQUIRE_SERVERS=1</c>: then they run and fail.
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
}
