using Microsoft.Extensions.Configuration;

namespace FunnelInsight.Tests.Web.Services;

public sealed class EventEngineConfigurationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Without_an_events_section_events_go_to_duckdb_with_its_defaults()
    {
        var options = FunnelInsightConfiguration.EventOptions(Settings());

        Assert.Equal(new EventEngineOptions { MemoryLimit = "100MB", SortMemoryLimit = "200MB", Threads = 1, QueryThreads = Environment.ProcessorCount, TempDirectory = null }, options);
    }

    [Fact]
    public void The_events_section_chooses_duckdb_with_its_memory_limits_threads_and_spill_folder()
    {
        var options = FunnelInsightConfiguration.EventOptions(Settings(
            ("Events:Engine", "DuckDB"), ("Events:MemoryLimit", "256MB"), ("Events:SortMemoryLimit", "300MB"), ("Events:Threads", "2"), ("Events:QueryThreads", "3"), ("Events:TempDirectory", "/tmp/fi-spill")));

        Assert.Equal(new EventEngineOptions { MemoryLimit = "256MB", SortMemoryLimit = "300MB", Threads = 2, QueryThreads = 3, TempDirectory = "/tmp/fi-spill" }, options);
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("blocks")]
    public void An_engine_other_than_duckdb_is_refused_by_name(string engine)
    {
        var error = Assert.Throws<ArgumentException>(() => FunnelInsightConfiguration.EventOptions(Settings(("Events:Engine", engine))));

        Assert.Contains($"'{engine}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clickhouse_engine_takes_the_cluster_to_shard_over_and_shards_without_clickhouse_are_refused()
    {
        var options = FunnelInsightConfiguration.EventOptions(Settings(
            ("Events:Engine", "clickhouse"), ("ConnectionStrings:ClickHouse", "http://127.0.0.1:8123/?database=fi"), ("Events:Shards", "two_shards")));
        var error = Assert.Throws<ArgumentException>(() => FunnelInsightConfiguration.EventOptions(Settings(("Events:Shards", "two_shards"))));

        Assert.Equal(("http://127.0.0.1:8123/?database=fi", "two_shards"), (options.ClickHouse, options.ClickHouseShards));
        Assert.Contains("Events:Engine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clickhouse_engine_moves_imports_and_counts_funnels_in_slices_of_the_configured_sizes()
    {
        var configured = FunnelInsightConfiguration.EventOptions(Settings(
            ("Events:Engine", "clickhouse"), ("ConnectionStrings:ClickHouse", "http://127.0.0.1:8123/?database=fi"),
            ("Events:ClickHouseImportSlice", "250000"), ("Events:ClickHouseFunnelSlice", "750000")));
        var defaulted = FunnelInsightConfiguration.EventOptions(Settings(
            ("Events:Engine", "clickhouse"), ("ConnectionStrings:ClickHouse", "http://127.0.0.1:8123/?database=fi"),
            ("Events:ClickHouseImportSlice", "0"), ("Events:ClickHouseFunnelSlice", "-3")));

        Assert.Equal((250_000L, 750_000L), (configured.ClickHouseImportSlice, configured.ClickHouseFunnelSlice));
        Assert.Equal((1_000_000L, 2_000_000L), (defaulted.ClickHouseImportSlice, defaulted.ClickHouseFunnelSlice));
    }

    [Fact]
    public void The_clickhouse_engine_takes_the_server_from_its_connection_string()
    {
        var options = FunnelInsightConfiguration.EventOptions(Settings(
            ("Events:Engine", "ClickHouse"), ("ConnectionStrings:ClickHouse", "http://127.0.0.1:8123/?database=shop")));

        Assert.Equal("http://127.0.0.1:8123/?database=shop", options.ClickHouse);
    }

    [Fact]
    public void The_clickhouse_engine_without_a_connection_string_is_refused_naming_the_key()
    {
        var error = Assert.Throws<ArgumentException>(() => FunnelInsightConfiguration.EventOptions(Settings(("Events:Engine", "clickhouse"))));

        Assert.Contains("ConnectionStrings:ClickHouse", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/?database=shop")]
    [InlineData("http://127.0.0.1:8123/")]
    [InlineData("http://127.0.0.1:8123/?database=shop;drop")]
    public void A_clickhouse_address_that_is_not_http_or_names_no_plain_database_is_refused(string address)
    {
        Assert.Throws<ArgumentException>(() => FunnelInsightConfiguration.Database(Settings(
            ("ConnectionStrings:FunnelInsight", "Data Source=/tmp/fi-config-test/shop.db"), ("Events:Engine", "clickhouse"), ("ConnectionStrings:ClickHouse", address))));
    }

    [Fact]
    public void The_duckdb_file_sits_beside_the_sqlite_file_and_is_named_after_it()
    {
        var database = FunnelInsightConfiguration.Database(Settings(("ConnectionStrings:FunnelInsight", "Data Source=/srv/fi/shop.db"), ("Events:Engine", "duckdb")));

        Assert.Equal("/srv/fi/shop.events.duckdb", database.EventsPath);
        Assert.Equal(new EventEngineOptions(), database.EventOptions);
    }
}
