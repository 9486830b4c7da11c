namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// The ClickHouse database that holds every store's events and sessions, in one database or spread over the shards of a
/// cluster (<see cref="ClickHouseLayout"/>): creates the tables on first use, numbers the writes, and deletes rows shard
/// by shard, waiting for the mutations (18.16 runs <c>ALTER … DELETE</c> in the background and has no setting to wait).
/// </summary>
/// <param name="connection">The server and database of the connection string.</param>
/// <param name="cluster">The cluster whose shards hold the events, or null for one database.</param>
internal sealed class ClickHouseEventsDatabase(ClickHouseConnection connection, string? cluster = null)
{
    private static long _lastWriteId;
    private readonly Lock _schemaGate = new();
    private readonly ClickHouseConnection _connection = cluster is null ? connection : connection.WithSettings(ClickHouseLayout.ClusterSettings);
    private ClickHouseLayout? _layout;

    /// <summary>The connection, the tables created.</summary>
    public ClickHouseConnection Connection
    {
        get
        {
            _ = Layout;
            return _connection;
        }
    }

    /// <summary>Where the tables are, the tables created.</summary>
    public ClickHouseLayout Layout
    {
        get
        {
            lock (_schemaGate)
            {
                if (_layout is null)
                {
                    _connection.Execute($"CREATE DATABASE IF NOT EXISTS {_connection.Database}", inDatabase: false);
                    var layout = cluster is null ? ClickHouseLayout.Single(_connection) : ClickHouseLayout.Over(_connection, cluster);
                    ClickHouseSchema.Create(_connection, layout);
                    _layout = layout;
                }

                return _layout;
            }
        }
    }

    /// <summary>
    /// A new write id: the time in 100 ns ticks, above every id this process gave, so that ids grow and two processes
    /// practically never meet.
    /// </summary>
    public static long NewWriteId()
    {
        var now = DateTime.UtcNow.Ticks;
        while (true)
        {
            var last = Interlocked.Read(ref _lastWriteId);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastWriteId, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>Deletes the rows of <paramref name="table"/> that <paramref name="condition"/> selects and waits until they are gone.</summary>
    public void Delete(string table, string condition, bool wait = true) => Delete(table, _ => condition, wait);

    /// <summary>
    /// Deletes the rows of <paramref name="table"/> that <paramref name="condition"/> selects on each shard (it names the
    /// shard's own tables in its subqueries: a mutation reads no <c>Distributed</c> table) and waits until they are gone.
    /// </summary>
    public void Delete(string table, Func<ClickHouseShard, string> condition, bool wait = true)
    {
        foreach (var (shard, own) in Owners(table))
        {
            shard.Connection.Execute($"ALTER TABLE {own} DELETE WHERE {condition(shard)}");
        }

        if (wait)
        {
            WaitForMutations(table);
        }
    }

    /// <summary>Waits until no mutation of <paramref name="table"/> is left to do on any shard.</summary>
    public void WaitForMutations(string table)
    {
        foreach (var (shard, _) in Owners(table))
        {
            var condition = $"database = {ClickHouseConnection.Quote(shard.Connection.Database)} AND table = {ClickHouseConnection.Quote(shard.Name(table))} AND is_done = 0";
            var delay = 10;
            while (shard.Connection.Scalar($"SELECT count() FROM system.mutations WHERE {condition}") > 0)
            {
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 200);
            }
        }
    }

    // The shards that hold rows of the table, each with its own table's name: every shard for a sharded table, the
    // database for the others.
    private IEnumerable<(ClickHouseShard Shard, string Table)> Owners(string table)
    {
        var layout = Layout;
        return ClickHouseLayout.ShardedTables.Contains(table)
            ? layout.Shards.Select(s => (s, s.Table(table)))
            : [(new ClickHouseShard(0, _connection, false), $"{_connection.Database}.{table}")];
    }
}
