using FunnelInsight.Core.Events;
using FunnelInsight.Web.Services;
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

        Assert.Equal(new EventEngineOptions { Engine = EventEngine.DuckDb, MemoryLimit = "100MB", Threads = 1, TempDirectory = null }, options);
    }

    [Fact]
    public void The_events_section_chooses_duckdb_with_its_memory_limit_threads_and_spill_folder()
    {
        var options = FunnelInsightConfiguration.EventOptions(Settings(
            ("Events:Engine", "DuckDB"), ("Events:MemoryLimit", "256MB"), ("Events:Threads", "2"), ("Events:TempDirectory", "/tmp/fi-spill")));

        Assert.Equal(new EventEngineOptions { Engine = EventEngine.DuckDb, MemoryLimit = "256MB", Threads = 2, TempDirectory = "/tmp/fi-spill" }, options);
    }

    [Fact]
    public void An_unknown_engine_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => FunnelInsightConfiguration.EventOptions(Settings(("Events:Engine", "parquet"))));

        Assert.Contains("'parquet'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_duckdb_file_sits_beside_the_sqlite_file_and_is_named_after_it()
    {
        var database = FunnelInsightConfiguration.Database(Settings(("ConnectionStrings:FunnelInsight", "Data Source=/srv/fi/shop.db"), ("Events:Engine", "duckdb")));

        Assert.Equal("/srv/fi/shop.events.duckdb", database.EventsPath);
        Assert.Equal(EventEngine.DuckDb, database.EventOptions.Engine);
    }
}
