using FunnelInsight.Core.Storage;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Import;

/// <summary>Everything a file importer needs while it streams one file into the store, inside one transaction.</summary>
internal sealed record ImportContext(
    SqliteConnection Connection,
    SqliteTransaction Transaction,
    int StoreId,
    int ImportId,
    RowErrorWriter Errors,
    Action<long> ReportRows,
    CancellationToken CancellationToken);

/// <summary>What a file importer did.</summary>
internal sealed record ImportCounts(string Format, string Mapping, long RowsRead, long RowsStored, long RowsDuplicate);
