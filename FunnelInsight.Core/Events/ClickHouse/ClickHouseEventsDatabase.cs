namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// The ClickHouse database that holds every store's events and sessions: creates the tables on first use, numbers the
/// writes, and waits for mutations (18.16 runs <c>ALTER … DELETE</c> in the background and has no setting to wait).
/// </summary>
internal sealed class ClickHouseEventsDatabase(ClickHouseConnection connection)
{
    private static long _lastWriteId;
    private readonly Lock _schemaGate = new();
    private bool _schemaReady;

    /// <summary>The connection, the tables created.</summary>
    public ClickHouseConnection Connection
    {
        get
        {
            lock (_schemaGate)
            {
                if (!_schemaReady)
                {
                    foreach (var statement in ClickHouseSchema.Create(connection.Database))
                    {
                        connection.Execute(statement, inDatabase: false);
                    }

                    _schemaReady = true;
                }
            }

            return connection;
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
    public void Delete(string table, string condition, bool wait = true)
    {
        Connection.Execute($"ALTER TABLE {table} DELETE WHERE {condition}");
        if (wait)
        {
            WaitForMutations(table);
        }
    }

    /// <summary>Waits until no mutation of <paramref name="table"/> is left to do.</summary>
    public void WaitForMutations(string table)
    {
        var database = ClickHouseConnection.Quote(connection.Database);
        var delay = 10;
        while (Connection.Scalar($"SELECT count() FROM system.mutations WHERE database = {database} AND table = {ClickHouseConnection.Quote(table)} AND is_done = 0") > 0)
        {
            Thread.Sleep(delay);
            delay = Math.Min(delay * 2, 200);
        }
    }
}
