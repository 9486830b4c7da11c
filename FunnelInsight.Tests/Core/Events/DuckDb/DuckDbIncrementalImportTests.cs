using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Tests.Core.Events.DuckDb;

public sealed class DuckDbIncrementalImportTests
{
    [Fact]
    public async Task A_small_import_into_a_large_store_reads_only_the_events_of_the_sessions_it_touches()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Large");
        var large = db.WriteGeneratedEvents("large.csv", new StoreGeneratorOptions(60_000, 0, Seed: 3));

        await new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, large));
        // Two sessions the store has (events of names it already tracks, so only the touched sessions are rolled up
        // again) and a new one.
        var small = db.WriteFile("small.csv", $"""
            {EventSampleWriter.Header}
            2025-01-01T00:05:50Z,view_item,s1,u1,P1,,,,desktop,direct,FR,700
            2025-01-01T02:00:00Z,view_item,s2,u2,P1,,,,desktop,direct,FR,700
            2025-02-01T10:00:00Z,session_start,new-session,u9,,,,,mobile,direct,FR,700
            """);
        var log = new RecordingLogger();

        var result = await new ImportService(db.Database, log).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, small));

        Assert.Equal(3, result.RowsStored);
        var (touchedEvents, touchedSessions) = Touched(db, store.Id);
        Assert.True(touchedEvents < 200, $"the touched sessions hold {touchedEvents} events");
        Assert.Equal(touchedEvents, log.Value("EventsRolledUp"));
        Assert.Equal(touchedSessions, log.Value("SessionsRolledUp"));
        Assert.Equal(60_000 + 3, await db.EventCountAsync());
    }

    // The events and sessions of the groups s1, s2 and new-session, counted by DuckDB itself.
    private static (long Events, long Sessions) Touched(TempDatabase db, int storeId)
    {
        using var connection = new DuckDBConnection("Data Source=" + db.Database.EventsPath);
        connection.Open();
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table} WHERE store_id = {storeId} AND has_session AND group_key IN ('s1', 's2', 'new-session')";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (Count("events"), Count("sessions"));
    }

    private sealed class RecordingLogger : ILogger<ImportService>
    {
        private readonly List<IReadOnlyList<KeyValuePair<string, object?>>> _entries = [];

        public long Value(string name) => Convert.ToInt64(Assert.Single(_entries.SelectMany(e => e), p => p.Key == name).Value, System.Globalization.CultureInfo.InvariantCulture);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                _entries.Add(values);
            }
        }
    }
}
