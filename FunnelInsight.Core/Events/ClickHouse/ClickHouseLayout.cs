namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// Where the tables of the events database are. Without a cluster every table is in the database. On a cluster
/// (<see cref="EventEngineOptions.ClickHouseShards"/>) the tables that grow with the events (<see cref="ShardedTables"/>)
/// are MergeTree tables named <c>…_local</c> on every shard, and the tables of those names in the database are
/// <c>Distributed</c> tables over them, sharded by <c>cityHash64(store_id, shard_key)</c>; the commit records
/// (<c>writes</c>), the staging tables of imports and <c>each_shard</c> stay in the database of the server connected to.
/// </summary>
/// <remarks>
/// A row's <c>shard_key</c> is its group's visitor when the group was first stored (the session's id when it has no
/// visitor), the same for every row of a group, so a session's events, the session, the sessions it replaced and the
/// repeats of its events are on one shard, and so are a visitor's sessions. ClickHouse 18.16 without ZooKeeper has no
/// <c>ON CLUSTER</c> and no <c>ALTER … DELETE</c> on a <c>Distributed</c> table: tables are created and rows deleted on
/// each shard through its own HTTP interface, at the host the cluster names and the port of the connection string.
/// </remarks>
internal sealed class ClickHouseLayout
{
    /// <summary>The tables that are sharded on a cluster.</summary>
    public static readonly IReadOnlyList<string> ShardedTables = ["events", "sessions", "session_drops", "import_repeats"];

    /// <summary>
    /// The settings of every statement on a cluster: a subquery over a sharded table inside a statement over one reads
    /// the shard's own table (rows that belong together are on one shard), and an insert returns once every shard has
    /// its rows (a write's rows must be stored before it is marked committed).
    /// </summary>
    public const string ClusterSettings = "distributed_product_mode=local&insert_distributed_sync=1";

    private ClickHouseLayout(string? cluster, IReadOnlyList<ClickHouseShard> shards, string shardDatabase) =>
        (Cluster, Shards, ShardDatabase) = (cluster, shards, shardDatabase);

    /// <summary>The cluster the sharded tables are spread over; null when every table is in the database.</summary>
    public string? Cluster { get; }

    /// <summary>Whether the sharded tables are spread over a cluster.</summary>
    public bool Sharded => Cluster is not null;

    /// <summary>The shards in order (one, the database itself, without a cluster).</summary>
    public IReadOnlyList<ClickHouseShard> Shards { get; }

    /// <summary>The database argument of the <c>Distributed</c> tables: empty when each shard names its own.</summary>
    public string ShardDatabase { get; }

    /// <summary>The layout without a cluster.</summary>
    public static ClickHouseLayout Single(ClickHouseConnection connection) => new(null, [new ClickHouseShard(1, connection, false)], connection.Database);

    /// <summary>
    /// The layout over cluster <paramref name="cluster"/> as the server <paramref name="connection"/> reaches declares it
    /// (<c>remote_servers</c>): one replica per shard, each shard's tables in its <c>default_database</c> when the cluster
    /// names one for every shard (as two shards on one server must), else in the database of the connection string.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server has no such cluster, or one FunnelInsight cannot use.</exception>
    public static ClickHouseLayout Over(ClickHouseConnection connection, string cluster)
    {
        var replicas = connection.Rows(
            $"SELECT shard_num, replica_num, host_name, default_database FROM system.clusters WHERE cluster = {ClickHouseConnection.Quote(cluster)} ORDER BY shard_num, replica_num",
            r => (Shard: r.Int32(0), Replica: r.Int32(1), Host: r.String(2), Database: r.String(3)));
        if (replicas.Count == 0)
        {
            throw new InvalidOperationException($"The ClickHouse server has no cluster '{cluster}' (Events:Shards): declare it under remote_servers in its configuration.");
        }

        if (replicas.Any(r => r.Replica > 1))
        {
            throw new InvalidOperationException($"The ClickHouse cluster '{cluster}' has shards with several replicas: FunnelInsight deletes rows shard by shard and needs one server per shard.");
        }

        var named = replicas.Count(r => r.Database.Length > 0);
        if (named != 0 && named != replicas.Count)
        {
            throw new InvalidOperationException($"The ClickHouse cluster '{cluster}' names a default_database for some shards only: name one for every shard, or for none.");
        }

        var shards = replicas.Select(r => new ClickHouseShard(r.Shard, connection.At(r.Host, r.Database.Length > 0 ? r.Database : connection.Database), true)).ToList();
        return new ClickHouseLayout(cluster, shards, named == 0 ? connection.Database : "");
    }
}

/// <summary>One shard: the connection to its server and database, where its part of the sharded tables is.</summary>
/// <param name="Number">The shard's number in the cluster, from 1.</param>
/// <param name="Connection">A connection to the shard's database.</param>
/// <param name="Local">Whether the sharded tables are here under their <c>…_local</c> names.</param>
internal sealed record ClickHouseShard(int Number, ClickHouseConnection Connection, bool Local)
{
    /// <summary>The shard's own table that holds its part of <paramref name="table"/>, with its database.</summary>
    public string Table(string table) => $"{Connection.Database}.{Name(table)}";

    /// <summary>The name of the shard's own table for <paramref name="table"/>.</summary>
    public string Name(string table) => Local && ClickHouseLayout.ShardedTables.Contains(table) ? table + "_local" : table;
}
