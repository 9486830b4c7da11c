using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Import;

/// <summary>Everything a file importer needs while it streams one file into the store, inside one transaction.</summary>
internal sealed record ImportContext(
    SqliteConnection Connection,
    SqliteTransaction Transaction,
    int StoreId,
    int ImportId,
    long FileBytes,
    RowErrorWriter Errors,
    Action<long> ReportRows,
    Action<long> ReportBuildingRollups,
    CancellationToken CancellationToken);

/// <summary>How a store turns events into sessions: its stage map and inactivity timeout.</summary>
internal sealed record SessionRules(StageMap Map, TimeSpan SessionTimeout);

/// <summary>What a file importer did.</summary>
internal sealed record ImportCounts(string Format, string Mapping, long RowsRead, long RowsStored, long RowsDuplicate);
