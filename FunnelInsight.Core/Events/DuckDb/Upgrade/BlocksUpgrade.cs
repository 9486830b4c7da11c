using DuckDB.NET.Data;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Providers;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Events.DuckDb.Upgrade;

/// <summary>
/// Moves the events of a database from before the DuckDB engine into the events file on the first start: event blocks
/// (EventBlocks) or the older rows kept as LegacyEvents, with their ids and their imports, and each import's record of
/// the stored events it delivered again (ImportRepeats); every moved store's sessions are rolled up by the C# builder.
/// One store at a time: DuckDB commits the store's copy, then the application database loses the store's blocks. A kill
/// between the two leaves the blocks, and the next start copies that store again over what it finds (the moved imports'
/// rows are replaced, never added twice), so the upgrade can be interrupted at any point and started again.
/// </summary>
internal static partial class BlocksUpgrade
{
    private const string Legacy = "LegacyEvents";

    /// <summary>Moves what is left to move; returns the stores whose sessions it rolled up.</summary>
    public static IReadOnlyList<int> Run(DbConnection sqlite, DuckDBConnection duck, ILogger? logger, CancellationToken cancellationToken)
    {
        var tables = Tables(sqlite);
        var sources = new List<string>();
        if (tables.Contains("EventBlocks"))
        {
            sources.Add("SELECT DISTINCT Id / " + StoreRowIds.PerStore + " FROM EventBlocks");
        }

        if (tables.Contains(Legacy))
        {
            sources.Add("SELECT DISTINCT Id / " + StoreRowIds.PerStore + " FROM " + Legacy);
        }

        var moved = new List<int>();
        foreach (var storeId in sources.Count == 0 ? [] : Ints(sqlite, string.Join(" UNION ", sources)))
        {
            var rules = SessionRules.Read(sqlite, null, storeId);
            if (rules is not null)
            {
                var events = Move(sqlite, duck, tables, storeId, rules, cancellationToken);
                moved.Add(storeId);
                if (logger is not null)
                {
                    LogMoved(logger, events, storeId);
                }
            }

            // Blocks of a store the application database no longer has go with the moved ones.
            using var transaction = sqlite.BeginTransaction();
            foreach (var table in new[] { "EventBlocks", "SessionBlocks", Legacy }.Where(tables.Contains))
            {
                StoreRowIds.Delete(sqlite, transaction, table, storeId);
            }

            if (tables.Contains("ImportRepeats"))
            {
                Sqlite(sqlite, transaction, "DELETE FROM ImportRepeats WHERE StoreId = " + storeId);
            }

            transaction.Commit();
        }

        if (tables.Contains(Legacy))
        {
            Sqlite(sqlite, null, "DROP TABLE " + Legacy);
        }

        return moved;
    }

    private static long Move(DbConnection sqlite, DuckDBConnection duck, HashSet<string> tables, int storeId, SessionRules rules, CancellationToken cancellationToken)
    {
        var imports = new List<int>();
        foreach (var table in new[] { "EventBlocks", Legacy }.Where(tables.Contains))
        {
            imports.AddRange(Ints(sqlite, $"SELECT DISTINCT ImportId FROM {table} WHERE Id BETWEEN {StoreRowIds.First(storeId)} AND {StoreRowIds.Last(storeId)}"));
        }

        // Import ids are numbers from the application database, never text from data.
        var list = string.Join(",", imports.Distinct());
        using var transaction = duck.BeginTransaction();
        DuckDbFile.Execute(duck, $"DELETE FROM events WHERE store_id = $store AND import_id IN ({list})", ("store", storeId));
        DuckDbFile.Execute(duck, $"DELETE FROM import_repeats WHERE store_id = $store AND import_id IN ({list})", ("store", storeId));
        long count = 0;
        using (var appender = duck.CreateAppender("events"))
        {
            foreach (var stored in PreviousLayout.Read(sqlite, tables, storeId, cancellationToken))
            {
                Append(appender, storeId, stored);
                count++;
            }
        }

        if (tables.Contains("ImportRepeats"))
        {
            using var appender = duck.CreateAppender("import_repeats");
            foreach (var (importId, eventId) in PreviousLayout.Repeats(sqlite, storeId))
            {
                appender.CreateRow().AppendValue(storeId).AppendValue(importId).AppendValue(eventId).EndRow();
            }
        }

        DuckDbSessionRoller.Roll(duck, storeId, rules, null, null, cancellationToken);
        transaction.Commit();
        return count;
    }

    private static void Append(DuckDBAppender appender, int storeId, OldEvent e)
    {
        appender.CreateRow()
            .AppendValue(e.Id)
            .AppendValue(storeId)
            .AppendValue(e.ImportId)
            .AppendValue(e.Session is not null)
            .AppendValue(e.Session ?? e.Visitor ?? "")
            .AppendValue(e.Row.TimeUs)
            .AppendValue(e.Row.Line)
            .AppendValue(e.Row.IdentityHash)
            .AppendValue(e.Session)
            .AppendValue(e.Visitor)
            .AppendValue(e.Text(e.Row.EventName))
            .AppendValue(e.Text(e.Row.ProductId))
            .AppendValue(e.Text(e.Row.OrderId))
            .AppendValue(e.Row.Price)
            .AppendValue(e.Row.Quantity)
            .AppendValue(e.Row.PageLoadMs)
            .AppendValue(e.Text(e.Row.Device))
            .AppendValue(e.Text(e.Row.Channel))
            .AppendValue(e.Text(e.Row.Country))
            .EndRow();
    }

    // The previous layout only ever existed in SQLite files: this runs from a SQLite migration only.
    private static HashSet<string> Tables(DbConnection sqlite)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('EventBlocks', 'SessionBlocks', 'ImportRepeats', 'LegacyEvents')";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static List<int> Ints(DbConnection sqlite, string sql)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<int>();
        while (reader.Read())
        {
            values.Add(reader.GetInt32(0));
        }

        return values;
    }

    private static void Sqlite(DbConnection sqlite, DbTransaction? transaction, string sql)
    {
        using var command = sqlite.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage upgrade: moved {Events} events of store {StoreId} from the application database into the events file")]
    private static partial void LogMoved(ILogger logger, long events, int storeId);
}

/// <summary>One event of the old layout, decoded: its row (text fields are ranges of <see cref="Data"/>) and its id.</summary>
internal readonly record struct OldEvent(long Id, int ImportId, EventRow Row, byte[] Data)
{
    public string? Session => Text(Row.SessionKey);

    public string? Visitor => Text(Row.VisitorKey);

    public string? Text(TextRange range) => range.IsNull ? null : Encoding.UTF8.GetString(Data, range.Offset, range.Length);
}
