using FunnelInsight.Core.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Import;

/// <summary>Everything a file importer needs while it streams one file into the store, inside one transaction.</summary>
internal sealed record ImportContext(
    StoreWrite Write,
    IEventStore Events,
    int ImportId,
    RowErrorWriter Errors,
    Action<long> ReportRows,
    Action<long> ReportBuildingRollups,
    CancellationToken CancellationToken)
{
    /// <summary>The application database's open connection, inside the import's transaction.</summary>
    public DbConnection Connection => Write.Connection;

    /// <summary>The import's transaction.</summary>
    public DbTransaction Transaction => Write.Transaction;

    /// <summary>The store imported into.</summary>
    public int StoreId => Write.StoreId;
}

/// <summary>How a store turns events into sessions: its stage map and inactivity timeout.</summary>
internal sealed record SessionRules(StageMap Map, TimeSpan SessionTimeout)
{
    /// <summary>The store's rules as its settings say; null when there is no such store.</summary>
    public static SessionRules? Read(DbConnection connection, DbTransaction? transaction, int storeId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT StageMapText, SessionTimeoutMinutes FROM Stores WHERE Id = @id";
        command.AddParameter("id", storeId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var map = reader.IsDBNull(0) ? StageMap.Default : StageMap.Parse(reader.GetString(0));
        return new SessionRules(map, TimeSpan.FromMinutes(reader.GetInt32(1)));
    }
}

/// <summary>What a file importer did.</summary>
internal sealed record ImportCounts(string Format, string Mapping, long RowsRead, long RowsStored, long RowsDuplicate, long RowsBlank, string Encoding, Reading.FileConventions Conventions)
{
    /// <summary>Rows of orders the store had and this export changed.</summary>
    public long RowsUpdated { get; init; }

    /// <summary>What rolling up the sessions the events touched read and wrote, when the event engine counts it.</summary>
    public Core.Events.RollupRead? RolledUp { get; init; }
}
