using FunnelInsight.Benchmarks;

namespace FunnelInsight.Tests.Benchmarks;

public sealed class BenchmarkEngineOptionsTests
{
    [Fact]
    public void The_clickhouse_engine_takes_the_servers_address()
    {
        var options = BenchmarkOptions.Parse(["--engine", "clickhouse", "--clickhouse", "http://127.0.0.1:8123/"]);

        Assert.Equal("http://127.0.0.1:8123/", options.ClickHouse);
        Assert.Null(BenchmarkOptions.Parse(["--quick"]).ClickHouse);
    }

    [Fact]
    public void The_clickhouse_engine_takes_a_cluster_to_shard_over_and_shards_without_clickhouse_are_refused()
    {
        var options = BenchmarkOptions.Parse(["--engine", "clickhouse", "--clickhouse", "http://127.0.0.1:8123/", "--shards", "two"]);

        Assert.Equal(("http://127.0.0.1:8123/", "two"), (options.ClickHouse, options.Shards));
        Assert.Null(BenchmarkOptions.Parse(["--engine", "clickhouse", "--clickhouse", "http://127.0.0.1:8123/"]).Shards);
        Assert.Contains("--engine clickhouse", Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--shards", "two"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_for_the_engine_are_a_positive_whole_number_and_the_engines_default_without_them()
    {
        Assert.Equal(2, BenchmarkOptions.Parse(["--threads", "2"]).Threads);
        Assert.Null(BenchmarkOptions.Parse(["--quick"]).Threads);
        Assert.Contains("--threads", Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(["--threads", "0"])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--engine", "clickhouse")]
    [InlineData("--engine", "parquet")]
    public void An_engine_without_its_server_or_of_another_name_is_refused(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse([option, value]));

        Assert.Contains("--", error.Message, StringComparison.Ordinal);
    }
}
