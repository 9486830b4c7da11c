using FunnelInsight.Core.Import;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// An import into ClickHouse, as one <see cref="ClickHouseWrite"/>: batches go into a staging table of the write's own;
/// completing copies into the events table the staged events whose identity the store (and the file before them) did
/// not already have, records the stored events the import delivered again, and rolls up again only the sessions of the
/// groups the import touched (every session when the import made the store track a new stage). Nothing of it is visible
/// before the write is marked committed, after the application database's commit.
/// </summary>
internal sealed class ClickHouseEventAppend : EventAppend
{
    // Staged events are sent in inserts of about this many bytes.
    private const int InsertBytes = 32 << 20;

    private readonly ClickHouseWrite _write;
    private readonly TrackedStages _trackedBefore;
    private readonly bool _storeWasEmpty;
    private readonly string _staging;
    private readonly long _sliceEvents;
    private readonly MemoryStream _body = new();
    private TsvWriter _writer;

    /// <param name="write">The write the import's rows belong to.</param>
    /// <param name="importId">The import.</param>
    /// <param name="rules">The store's session rules.</param>
    /// <param name="sliceEvents">
    /// About how many staged events are moved into the events table in one statement: they go in slices of their
    /// groups (by a hash), so the dedupe's sets and the shard keys' join stay within the server's memory limit.
    /// </param>
    public ClickHouseEventAppend(ClickHouseWrite write, int importId, SessionRules rules, long sliceEvents)
        : base(importId, rules, Math.Max(write.Connection.Scalar($"SELECT max(id) FROM events WHERE store_id = {write.StoreId}"), StoreRowIds.First(write.StoreId)) + 1)
    {
        (_write, _sliceEvents) = (write, Math.Max(1, sliceEvents));
        var connection = write.Connection;
        _trackedBefore = ClickHouseSessionRoller.Tracked(connection, write.View, rules.Map);
        _storeWasEmpty = connection.Scalar($"SELECT count() FROM events WHERE {write.View.Events()}") == 0;
        _staging = $"staging_{write.Id}";
        connection.Execute($"CREATE TABLE {_staging} {ClickHouseSchema.EventTableBody} ENGINE = MergeTree ORDER BY (has_session, group_key, time_us, id)");
        _writer = new TsvWriter(_body);
    }

    /// <inheritdoc />
    protected override void Write(EventBatch batch, long id, in EventRow row)
    {
        var hasSession = !row.SessionKey.IsNull;
        _writer.Number(_write.StoreId).Number(id).Number(ImportId).Number(_write.Id).Number(hasSession ? 1 : 0)
            .Text(batch.Text(hasSession ? row.SessionKey : row.VisitorKey)).Number(row.TimeUs).Number(row.Line).Number(row.IdentityHash);
        foreach (var text in (ReadOnlySpan<TextRange>)[row.SessionKey, row.VisitorKey, row.EventName, row.ProductId, row.OrderId])
        {
            _writer.Text(batch.Text(text), text.IsNull);
        }

        _writer.Real(row.Price).Number(row.Quantity).Number(row.PageLoadMs);
        foreach (var text in (ReadOnlySpan<TextRange>)[row.Device, row.Channel, row.Country])
        {
            _writer.Text(batch.Text(text), text.IsNull);
        }

        _writer.EndRow();
    }

    /// <inheritdoc />
    protected override void Written()
    {
        if (_body.Length >= InsertBytes)
        {
            Flush();
        }
    }

    /// <inheritdoc />
    protected override AppendOutcome Store(long appended, Action buildingRollups, CancellationToken cancellationToken)
    {
        var connection = _write.Connection;
        var committed = _write.View with { Writes = [.. _write.View.Writes.Where(w => w != _write.Id)] };
        // Only stored events within the import's time span can repeat one of its events; the month partitions outside it
        // are not read (a daily export reads a day).
        var span = $"time_us BETWEEN {FirstTimeUs} AND {LastTimeUs}";
        var slices = (int)Math.Max(1, (appended + _sliceEvents - 1) / _sliceEvents);
        for (var slice = 0; slice < slices; slice++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Move(committed, span, slices == 1
                ? _staging
                : $"(SELECT * FROM {_staging} WHERE cityHash64(has_session, group_key) % {slices} = {slice})");
        }

        var stored = connection.Scalar($"SELECT count() FROM events WHERE store_id = {_write.StoreId} AND write_id = {_write.Id}");
        cancellationToken.ThrowIfCancellationRequested();
        buildingRollups();
        var trackedAfter = ClickHouseSessionRoller.Tracked(connection, _write.View, Rules.Map);
        var rolled = trackedAfter == _trackedBefore && !_storeWasEmpty
            ? ClickHouseSessionRoller.Roll(_write, Rules, $"SELECT DISTINCT has_session, group_key FROM events WHERE store_id = {_write.StoreId} AND write_id = {_write.Id}", null, cancellationToken)
            : ClickHouseSessionRoller.Roll(_write, Rules, null, null, cancellationToken);
        return new AppendOutcome(stored, appended - stored) { RolledUp = rolled };
    }

    /// <summary>
    /// Moves the staged events of <paramref name="staged"/> (the staging table, or a slice of its groups) into the events
    /// table: records the stored events they deliver again, and copies those whose identity the store and the file
    /// before them did not already have. An identity holds the session and the visitor, so a repeat is always in its
    /// original's slice.
    /// </summary>
    private void Move(ClickHouseView committed, string span, string staged)
    {
        var connection = _write.Connection;
        if (!_storeWasEmpty)
        {
            // The stored events this import delivered again, so deleting the import that first stored them keeps them.
            // The staging table is the server's own, not a shard's: GLOBAL sends its rows to the shards.
            connection.Execute($"""
                INSERT INTO import_repeats (store_id, import_id, write_id, event_id, shard_key)
                SELECT store_id, {ImportId}, {_write.Id}, id, shard_key FROM events
                WHERE {committed.Events()} AND {span} AND (identity_hash, time_us) GLOBAL IN (SELECT identity_hash, time_us FROM {staged})
                """);
        }

        // A new event repeats a stored one, or an earlier one of the same file, when their identity and time agree: the
        // lowest id stays, as the rollup builder would keep it. Each event takes its group's shard key.
        connection.Execute($"""
            INSERT INTO events ({ClickHouseSchema.EventColumns}, shard_key)
            SELECT {ClickHouseSchema.EventColumns}, group_shard FROM {staged} ALL INNER JOIN ({ShardKeys(staged)}) USING (has_session, group_key)
            WHERE (identity_hash, time_us, id) IN (
                SELECT identity_hash, time_us, min(id) FROM (
                    SELECT identity_hash, time_us, id FROM events WHERE {committed.Events()} AND {span}
                      AND (identity_hash, time_us) GLOBAL IN (SELECT identity_hash, time_us FROM {staged})
                    UNION ALL
                    SELECT identity_hash, time_us, id FROM {staged})
                GROUP BY identity_hash, time_us)
            """);
    }

    /// <summary>
    /// Each staged group's shard key (<c>group_shard</c>): on a cluster the key its stored events have, if the store
    /// has any; else the visitor of its first event (by time, then file order), or the group itself without one.
    /// <paramref name="staged"/> is the staging table or a slice of its groups.
    /// </summary>
    private string ShardKeys(string staged)
    {
        var keys = $"SELECT has_session, group_key, argMin(ifNull(visitor_key, group_key), (time_us, id)) AS group_shard FROM {staged} GROUP BY has_session, group_key";
        return !_write.Sharded || _storeWasEmpty
            ? keys
            : $"""
              SELECT has_session, group_key, argMin(key, rank) AS group_shard FROM (
                  SELECT has_session, group_key, any(shard_key) AS key, 0 AS rank FROM events
                  WHERE store_id = {_write.StoreId} AND (has_session, group_key) GLOBAL IN (SELECT has_session, group_key FROM {staged})
                  GROUP BY has_session, group_key
                  UNION ALL
                  SELECT has_session, group_key, group_shard AS key, 1 AS rank FROM ({keys}))
              GROUP BY has_session, group_key
              """;
    }

    /// <summary>Drops the staging table; the write itself stays with the <see cref="StoreWrite"/> it is enlisted in.</summary>
    public override void Dispose() => _write.Connection.Execute($"DROP TABLE IF EXISTS {_staging}");

    /// <summary>Sends the rows written since the last insert into the staging table.</summary>
    protected override void Flush()
    {
        _writer.Flush();
        if (_writer.Rows > 0)
        {
            _body.Position = 0;
            _write.Connection.InsertTsv(_staging, ClickHouseSchema.EventColumns, _body);
        }

        _body.SetLength(0);
        _writer = new TsvWriter(_body);
    }
}
