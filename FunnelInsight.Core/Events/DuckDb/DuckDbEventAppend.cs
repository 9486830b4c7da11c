using DuckDB.NET.Data;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>
/// An import into DuckDB, inside one DuckDB transaction enlisted in the import's <see cref="StoreWrite"/>: batches go
/// through DuckDB's appender into the events table; completing takes out the new events whose identity the store
/// already had (a join in the engine) and rolls up again only the sessions of the groups the import touched, unless
/// the import made the store track a stage it did not before (then every session, since the ordered funnel passes
/// over untracked stages).
/// </summary>
internal sealed class DuckDbEventAppend : EventAppend
{
    private readonly DuckDbWrite _write;
    private readonly DuckDBAppender _appender;
    private readonly int _storeId;
    private readonly TrackedStages _trackedBefore;
    private readonly bool _storeWasEmpty;

    public DuckDbEventAppend(DuckDbWrite write, int storeId, int importId, SessionRules rules)
        : base(importId, rules, DuckDbFile.Scalar(write.Connection, "SELECT coalesce(max(id), $first) + 1 FROM events WHERE store_id = $store",
            ("store", storeId), ("first", StoreRowIds.First(storeId))))
    {
        (_write, _storeId) = (write, storeId);
        var connection = write.Connection;
        _storeWasEmpty = DuckDbFile.Scalar(connection, "SELECT count(*) FROM (SELECT 1 FROM events WHERE store_id = $store LIMIT 1)", ("store", storeId)) == 0;
        _trackedBefore = _storeWasEmpty ? TrackedStages.LandingOnly : DuckDbSessionRoller.Tracked(connection, storeId, rules.Map);
        _appender = connection.CreateAppender("events");
    }

    /// <inheritdoc />
    protected override void Write(EventBatch batch, long id, in EventRow row) =>
        _appender.CreateRow()
            .AppendValue(id)
            .AppendValue(_storeId)
            .AppendValue(ImportId)
            .AppendValue(!row.SessionKey.IsNull)
            .AppendText(batch, !row.SessionKey.IsNull ? row.SessionKey : !row.VisitorKey.IsNull ? row.VisitorKey : TextRange.Empty)
            .AppendValue(row.TimeUs)
            .AppendValue(row.Line)
            .AppendValue(row.IdentityHash)
            .AppendText(batch, row.SessionKey)
            .AppendText(batch, row.VisitorKey)
            .AppendText(batch, row.EventName)
            .AppendText(batch, row.ProductId)
            .AppendText(batch, row.OrderId)
            .AppendValue(row.Price)
            .AppendValue(row.Quantity)
            .AppendValue(row.PageLoadMs)
            .AppendText(batch, row.Device)
            .AppendText(batch, row.Channel)
            .AppendText(batch, row.Country)
            .EndRow();

    /// <summary>Closes the appender, which writes what it holds.</summary>
    protected override void Flush() => _appender.Close();

    /// <inheritdoc />
    protected override AppendOutcome Store(long appended, Action buildingRollups, CancellationToken cancellationToken)
    {
        var connection = _write.Connection;
        // A new event repeats a stored one, or an earlier one of the same file, when their identity and time agree:
        // the lowest id stays, as the rollup builder would keep it. Only stored events within the import's time span
        // can match, so only the row groups whose time range meets it are read (a daily export reads a day). The
        // identities that occur more than once there, with one of this import's events among them, are found by
        // grouping (which spills past the memory limit in passes, where a join of the events with themselves needed
        // three times as long and ran out of memory on two threads at 10,000,000 events), then joined back.
        var (first, last) = (FirstTimeUs, LastTimeUs);
        DuckDbFile.Execute(connection, """
            CREATE OR REPLACE TEMP TABLE repeated AS
            SELECT identity_hash, time_us, min(id) AS kept FROM events
            WHERE store_id = $store AND time_us BETWEEN $first AND $last
            GROUP BY identity_hash, time_us
            HAVING count(*) > 1 AND bool_or(import_id = $import)
            """, ("store", _storeId), ("import", ImportId), ("first", first), ("last", last));
        // The stored events of earlier imports that this one delivered again are recorded before its copies go, so
        // deleting the earlier import later keeps them (DuckDbImportDeletion). Every new event's id is above every
        // stored one's, so each earlier event of a repeated identity has a later copy in this import.
        if (!_storeWasEmpty)
        {
            DuckDbFile.Execute(connection, """
                INSERT INTO import_repeats
                SELECT DISTINCT $store, $import, o.id FROM events o JOIN repeated r ON o.identity_hash = r.identity_hash AND o.time_us = r.time_us
                WHERE o.store_id = $store AND o.import_id <> $import AND o.time_us BETWEEN $first AND $last
                """, ("store", _storeId), ("import", ImportId), ("first", first), ("last", last));
        }

        var duplicates = DuckDbFile.Execute(connection, """
            DELETE FROM events e USING repeated r
            WHERE e.store_id = $store AND e.import_id = $import AND e.time_us BETWEEN $first AND $last
              AND e.identity_hash = r.identity_hash AND e.time_us = r.time_us AND e.id > r.kept
            """, ("store", _storeId), ("import", ImportId), ("first", first), ("last", last));
        DuckDbFile.Execute(connection, "DROP TABLE repeated");
        cancellationToken.ThrowIfCancellationRequested();
        buildingRollups();
        // What the store tracks now: what it did, and the stages of this import's events that stayed (read from its own
        // row groups instead of the whole store's).
        var trackedAfter = DuckDbSessionRoller.Tracked(connection, _storeId, Rules.Map, ImportId, _trackedBefore);
        // Into an empty store every group is touched: rolling up the whole store reads the events table itself, without
        // first copying the import's groups into a temporary table.
        var rolled = trackedAfter == _trackedBefore && !_storeWasEmpty
            ? DuckDbSessionRoller.Roll(connection, _storeId, Rules, DuckDbSessionRoller.ImportGroups, ImportId, cancellationToken, trackedAfter, _write.Sort)
            : DuckDbSessionRoller.Roll(connection, _storeId, Rules, null, null, cancellationToken, trackedAfter, _write.Sort);
        return new AppendOutcome(appended - duplicates, duplicates) { RolledUp = rolled };
    }

    /// <summary>Closes the appender; the transaction stays with the <see cref="StoreWrite"/> it is enlisted in.</summary>
    public override void Dispose() => _appender.Dispose();
}
