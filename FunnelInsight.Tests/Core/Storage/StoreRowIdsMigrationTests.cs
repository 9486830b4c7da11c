using System.IO.Hashing;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Tests.Core.Storage;

public sealed class StoreRowIdsMigrationTests
{
    private const string MigrationBefore = "20261125082456_Accounts";
    private const long March1 = 1_740_823_200_000_000; // 2025-03-01T10:00:00Z

    [Fact]
    public async Task Upgrading_moves_each_stores_events_stored_a_row_each_into_duckdb_in_its_id_range_and_builds_its_rollups_again()
    {
        using var old = new OldDatabase();
        var database = old.Database;
        await OldDatabase.MigrateToAsync(database, MigrationBefore);
        await OldDatabase.ExecuteAsync(database, """
            INSERT INTO Stores (Id, Name, Currency, SessionTimeoutMinutes, ConversionWindowHours, DataVersion, CreatedUtc) VALUES
                (1, 'A', 'USD', 30, 168, 0, '2025-01-01'), (2, 'B', 'USD', 30, 168, 0, '2025-01-01');
            INSERT INTO Imports (Id, StoreId, Kind, FileName, FileSize, Sha256, Format, Mapping, RowsRead, RowsStored, RowsRejected, RowsDuplicate, StartedUtc, Status)
                VALUES (1, 1, 0, 'a.csv', 1, '', 'canonical', '', 2, 2, 0, 0, '2025-01-01', 1), (2, 2, 0, 'b.csv', 1, '', 'canonical', '', 1, 1, 0, 0, '2025-01-01', 1);
            INSERT INTO Events (Id, StoreId, ImportId, TimeUs, Line, SessionKey, VisitorKey, EventName, IdentityHash) VALUES
                (1, 1, 1, 10, 2, 's1', 'v1', 'session_start', 11), (2, 2, 2, 10, 2, 's9', 'v9', 'session_start', 12), (3, 1, 1, 20, 3, 's1', 'v1', 'view_item', 13);
            """);

        await database.MigrateAsync();

        var stored = await EventRecord.StoredAsync(database);
        Assert.Equal(
            [((1L << 40) + 1, 1, "session_start"), ((1L << 40) + 3, 1, "view_item"), ((2L << 40) + 2, 2, "session_start")],
            stored.Select(e => (e.Id, e.ImportId, e.Event.Name)));
        Assert.Equal(
            [(10L, "s1", "v1", (string?)null, 2L), (20L, "s1", "v1", null, 3L), (10L, "s9", "v9", null, 2L)],
            stored.Select(e => (e.Event.TimeUs, e.Event.Session, e.Event.Visitor, e.Event.Product, e.Line)));
        Assert.Empty(await TempDatabase.QueryAsync(database,
            "SELECT name FROM sqlite_master WHERE name IN ('Events', 'LegacyEvents', 'Sessions', 'EventBlocks', 'SessionBlocks', 'ImportRepeats')", r => r.GetString(0)));
        // The rollups dropped with the Sessions table are built again from the events, store by store.
        Assert.Equal(
            [((1L << 40) + 1, "s1", 2, "view_item"), ((2L << 40) + 1, "s9", 1, "session_start")],
            (await StoredSession.AllAsync(database)).Select(s => (s.Id, s.Session, s.Events, s.LastEvent)));
    }

    [Fact]
    public async Task An_event_stored_before_the_upgrade_is_recognised_as_a_duplicate_after_it()
    {
        using var old = new OldDatabase();
        var database = old.Database;
        await OldDatabase.MigrateToAsync(database, MigrationBefore);
        // The identity the import has always stored: the time's 8 bytes, then session, visitor, name, product and order, each ended by 0x1F.
        var identity = (long)XxHash3.HashToUInt64([.. BitConverter.GetBytes(March1), .. Encoding.UTF8.GetBytes("S1\u001FV1\u001Fview_item\u001FP1\u001F\u001F")]);
        await OldDatabase.ExecuteAsync(database, $"""
            INSERT INTO Stores (Id, Name, Currency, SessionTimeoutMinutes, ConversionWindowHours, DataVersion, CreatedUtc) VALUES (1, 'A', 'USD', 30, 168, 0, '2025-01-01');
            INSERT INTO Imports (Id, StoreId, Kind, FileName, FileSize, Sha256, Format, Mapping, RowsRead, RowsStored, RowsRejected, RowsDuplicate, StartedUtc, Status)
                VALUES (1, 1, 0, 'a.csv', 1, '', 'canonical', '', 1, 1, 0, 0, '2025-01-01', 1);
            INSERT INTO Events (Id, StoreId, ImportId, TimeUs, Line, SessionKey, VisitorKey, EventName, ProductId, IdentityHash)
                VALUES (1, 1, 1, {March1}, 2, 'S1', 'V1', 'view_item', 'P1', {identity});
            """);
        await database.MigrateAsync();
        var file = Path.Combine(old.Folder, "again.csv");
        await File.WriteAllTextAsync(file, "event_time,event_type,session_id,user_id,product_id\n2025-03-01T10:00:00Z,view_item,S1,V1,P1\n2025-03-01T10:01:00Z,add_to_cart,S1,V1,P1\n");

        var result = await new ImportService(database).ImportAsync(new ImportRequest(1, ImportKind.Events, file));

        Assert.Equal((ImportStatus.Succeeded, 1L, 1L), (result.Status, result.RowsStored, result.RowsDuplicate));
        Assert.Equal([2], (await StoredSession.AllAsync(database)).Select(s => s.Events));
    }


}
