using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Import.Jobs;

/// <summary>
/// The uploads waiting for, or being run by, the dashboard instances that share a PostgreSQL database (the
/// <c>ImportJobs</c> table). Any instance may claim a queued job (<c>FOR UPDATE SKIP LOCKED</c>: two claimers never get
/// the same one), and holds it by renewing its lease while the import runs, writing its progress as it goes; a running
/// job whose lease has passed belongs to an instance that died, and is claimed again. Upload paths are kept relative to
/// <paramref name="uploadsFolder"/>, the folder every instance reaches the uploads in.
/// </summary>
public sealed class SharedImportJobs(FunnelDatabase database, string uploadsFolder)
{
    private const string Columns = "Id, StoreId, FileName, State, Phase, BytesRead, FileSize, RowsRead, ImportId, Owner";

    /// <summary>The folder the uploads are in, as this instance reaches it.</summary>
    public string UploadsFolder { get; } = Path.GetFullPath(uploadsFolder);

    /// <summary>Queues an import of an upload; returns the job's id.</summary>
    public async Task<long> EnqueueAsync(ImportRequest request, long fileSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.Command(null, """
            INSERT INTO ImportJobs (StoreId, Kind, UploadPath, FileName, FileSize, Format, Mapping, Encoding, DateOrder, DecimalMark,
                State, Attempts, Phase, BytesRead, RowsRead, CancelRequested, CreatedUtc)
            VALUES (@store, @kind, @path, @name, @size, @format, @mapping, @encoding, @dateOrder, @decimalMark, @queued, 0, @waiting, 0, 0, FALSE, @now)
            RETURNING Id
            """);
        insert.AddParameter("store", request.StoreId);
        insert.AddParameter("kind", (int)request.Kind);
        insert.AddParameter("path", Relative(request.FilePath));
        insert.AddParameter("name", request.FileName ?? Path.GetFileName(request.FilePath));
        insert.AddParameter("size", fileSize);
        insert.AddParameter("format", request.Format);
        insert.AddParameter("mapping", request.Mapping);
        insert.AddParameter("encoding", request.Encoding);
        insert.AddParameter("dateOrder", request.DateOrder is { } order ? (int)order : null);
        insert.AddParameter("decimalMark", request.DecimalMark is { } mark ? (int)mark : null);
        insert.AddParameter("queued", (int)ImportJobState.Queued);
        insert.AddParameter("waiting", (int)ImportPhase.Waiting);
        insert.AddParameter("now", DateTime.UtcNow);
        return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Claims the oldest job that is queued, or running under a lease that has passed, for <paramref name="owner"/>
    /// until <paramref name="lease"/> from now; null when there is none. A job another claimer holds at this moment is
    /// passed over, never waited for.
    /// </summary>
    public async Task<ClaimedImportJob?> ClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = DateTime.UtcNow;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var claim = connection.Command(null, """
            UPDATE ImportJobs SET State = @running, Owner = @owner, LeaseUntilUtc = @lease, Attempts = Attempts + 1,
                Phase = @waiting, BytesRead = 0, RowsRead = 0
            WHERE Id = (SELECT Id FROM ImportJobs WHERE State = @queued OR (State = @running AND LeaseUntilUtc < @now)
                        ORDER BY Id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING Id, StoreId, Kind, UploadPath, FileName, FileSize, Format, Mapping, Encoding, DateOrder, DecimalMark, Attempts, ImportId
            """);
        claim.AddParameter("running", (int)ImportJobState.Running);
        claim.AddParameter("queued", (int)ImportJobState.Queued);
        claim.AddParameter("owner", owner);
        claim.AddParameter("lease", now + lease);
        claim.AddParameter("now", now);
        claim.AddParameter("waiting", (int)ImportPhase.Waiting);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var request = new ImportRequest(
            reader.GetInt32(1),
            (ImportKind)reader.GetInt32(2),
            Path.Combine(UploadsFolder, reader.GetString(3)),
            reader.GetString(4),
            NullableString(reader, 6),
            NullableString(reader, 7),
            NullableString(reader, 8),
            reader.IsDBNull(9) ? null : (DateOrder)reader.GetInt32(9),
            reader.IsDBNull(10) ? null : (DecimalMark)reader.GetInt32(10));
        var attempt = reader.GetInt32(11);
        return new ClaimedImportJob(reader.GetInt64(0), request, reader.GetInt64(5), attempt, reader.IsDBNull(12) ? null : reader.GetInt32(12));
    }

    /// <summary>
    /// Renews <paramref name="owner"/>'s lease of job <paramref name="id"/> and writes its progress. <c>Held</c> is false
    /// when the owner no longer holds it (taken over after a lapse); <c>CancelRequested</c> is true when a user asked, on
    /// any instance, to stop it.
    /// </summary>
    public async Task<(bool Held, bool CancelRequested)> RenewAsync(long id, string owner, TimeSpan lease, ImportProgress progress, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var renew = connection.Command(null, """
            UPDATE ImportJobs SET LeaseUntilUtc = @lease, Phase = @phase, BytesRead = @bytes, RowsRead = @rows,
                ImportId = COALESCE(@import, ImportId)
            WHERE Id = @id AND Owner = @owner AND State = @running
            RETURNING CancelRequested
            """);
        renew.AddParameter("lease", DateTime.UtcNow + lease);
        renew.AddParameter("phase", (int)progress.Phase);
        renew.AddParameter("bytes", progress.BytesRead);
        renew.AddParameter("rows", progress.RowsRead);
        renew.AddParameter("import", progress.ImportId > 0 ? progress.ImportId : null);
        renew.AddParameter("id", id);
        renew.AddParameter("owner", owner);
        renew.AddParameter("running", (int)ImportJobState.Running);
        var cancel = await renew.ExecuteScalarAsync(cancellationToken);
        return cancel is null or DBNull ? (false, false) : (true, cancel is true);
    }

    /// <summary>Ends job <paramref name="id"/> (its import's record says how); false when <paramref name="owner"/> no longer held it.</summary>
    public async Task<bool> EndAsync(long id, string owner, int? importId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var end = connection.Command(null, """
            UPDATE ImportJobs SET State = @ended, EndedUtc = @now, Phase = @done, LeaseUntilUtc = NULL, ImportId = COALESCE(@import, ImportId)
            WHERE Id = @id AND Owner = @owner AND State = @running
            """);
        end.AddParameter("ended", (int)ImportJobState.Ended);
        end.AddParameter("now", DateTime.UtcNow);
        end.AddParameter("done", (int)ImportPhase.Done);
        end.AddParameter("import", importId is > 0 ? importId : null);
        end.AddParameter("id", id);
        end.AddParameter("owner", owner);
        end.AddParameter("running", (int)ImportJobState.Running);
        return await end.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Asks for job <paramref name="id"/> to stop: its owner cancels it at its next beat (a queued job's, as soon as it is claimed).</summary>
    public async Task RequestCancelAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var cancel = connection.Command(null, "UPDATE ImportJobs SET CancelRequested = TRUE WHERE Id = @id AND State <> @ended");
        cancel.AddParameter("id", id);
        cancel.AddParameter("ended", (int)ImportJobState.Ended);
        await cancel.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Job <paramref name="id"/> as the table holds it; null when there is no such job.</summary>
    public async Task<ImportJobStatus?> StatusAsync(long id, CancellationToken cancellationToken = default) =>
        (await ReadAsync($"SELECT {Columns} FROM ImportJobs WHERE Id = @key", id, cancellationToken)) is [var job] ? job : null;

    /// <summary>The store's jobs that are queued or running, oldest first.</summary>
    public Task<IReadOnlyList<ImportJobStatus>> ActiveAsync(int storeId, CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {Columns} FROM ImportJobs WHERE StoreId = @key AND State <> {(int)ImportJobState.Ended} ORDER BY Id", storeId, cancellationToken);

    /// <summary>The uploads still needed by a job that is queued or running (relative to <see cref="UploadsFolder"/> as stored).</summary>
    public async Task<IReadOnlySet<string>> PendingUploadsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.Command(null, $"SELECT UploadPath FROM ImportJobs WHERE State <> {(int)ImportJobState.Ended}");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            paths.Add(Path.GetFullPath(Path.Combine(UploadsFolder, reader.GetString(0))));
        }

        return paths;
    }

    private async Task<IReadOnlyList<ImportJobStatus>> ReadAsync(string sql, long key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.Command(null, sql);
        select.AddParameter("key", key);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<ImportJobStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var progress = new ImportProgress((ImportPhase)reader.GetInt32(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.IsDBNull(8) ? 0 : reader.GetInt32(8));
            jobs.Add(new ImportJobStatus(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), (ImportJobState)reader.GetInt32(3), progress, NullableString(reader, 9)));
        }

        return jobs;
    }

    // Inside the uploads folder a path is kept relative to it, so that instances that mount it elsewhere find it too.
    private string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(UploadsFolder, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
