using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.EventBlocks;
using FunnelInsight.Core.Storage.SessionBlocks;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Events;

/// <summary>
/// Streams an event export into the store and rebuilds the store's session rollups, on every core: this thread parses
/// rows into batches, while a <see cref="WriteQueue"/> thread spreads them over the rollup partitions, packs them into
/// event blocks and stores them; then this thread and a helper per other core (up to four in all) roll the partitions up, while the queue
/// stores the session blocks and takes repeated events out of their blocks.
/// </summary>
internal static class EventFileImporter
{
    private const int BatchSize = 512;

    // A canonical export row is about 80 bytes; guessing fewer bytes a row errs towards smaller partitions.
    private const int BytesPerRowGuess = 60;

    public static ImportCounts Run(ExportReader reader, ImportContext context, (DateOrder? Order, DecimalMark? Mark) choices, SessionRules rules, string? formatName, string? mappingText)
    {
        var header = reader.ReadHeader();
        var format = ChooseFormat(header, formatName, mappingText);
        var map = EventColumnMap.Resolve(format, header, EventMappingText.Parse(mappingText));
        var conventions = FileConventions.Decide(reader, [map[EventField.Time]],
            [map[EventField.Price], map[EventField.Quantity], map[EventField.PageLoadMs]], choices.Order, choices.Mark);
        var parser = new EventRowParser(map, conventions);
        var (connection, transaction, storeId) = (context.Connection, context.Transaction, context.StoreId);
        var cancellationToken = context.CancellationToken;

        // The store's events so far go into the partitions first: new rows are checked against them and their sessions rebuilt.
        var firstId = EventBlockStore.NextEventId(connection, transaction, storeId);
        var stages = new StageTracker(rules.Map);
        using var partitions = new EventPartitions(StoreRollups.TemporaryFolder(), firstId - StoreRowIds.First(storeId) + (context.FileBytes / BytesPerRowGuess), stages: stages);
        StoredEventReader.ReadInto(connection, storeId, partitions, cancellationToken);

        using var queue = new WriteQueue();
        var writer = queue.Own(new EventBlockWriter(connection, context.ImportId));
        var rollups = queue.Own(new RollupWriter(connection, storeId, firstId, queue.Post));
        var batch = new EventBatch(BatchSize, firstId);
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            if (reader.Broken is { } broken)
            {
                queue.Post(() => context.Errors.Add(broken));
            }
            else if (parser.TryParse(reader, batch, out var error))
            {
                if (parser.Warnings.Count > 0)
                {
                    RowError[] warnings = [.. parser.Warnings];
                    queue.Post(() => Array.ForEach(warnings, context.Errors.Add));
                }

                if (batch.IsFull)
                {
                    var full = batch;
                    queue.Post(() => Store(full, partitions, writer));
                    batch = new EventBatch(BatchSize, full.FirstId + full.Count);
                }
            }
            else
            {
                queue.Post(() => context.Errors.Add(error!));
            }

            if (rows % 8192 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.ReportRows(rows);
            }
        }

        queue.Post(() =>
        {
            Store(batch, partitions, writer);
            writer.Flush();
        });
        context.ReportRows(rows);
        var nextId = batch.FirstId + batch.Count;
        if (nextId > firstId)
        {
            context.ReportBuildingRollups(rows);
            queue.WaitForWrites(); // every row is in its partition
            queue.Post(() => SessionBlockStore.DeleteStore(connection, transaction, storeId));
            new SessionRollupBuilder(rules.Map, rules.SessionTimeout)
                .Build(partitions, stages.Tracked, RollupWriter.NewSink, rollups.HandOver, cancellationToken, SessionRollupBuilder.DefaultThreads);
            rollups.Flush();
        }

        queue.Complete();
        return new ImportCounts(format.Name, map.ToText(), rows, nextId - firstId - rollups.NewRepeats, rollups.NewRepeats, reader.BlankRows, reader.Encoding.Name, conventions);
    }

    // On the write thread: the batch goes into its blocks and, row by row, into the rollup partitions.
    private static void Store(EventBatch batch, EventPartitions partitions, EventBlockWriter writer)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            partitions.Add(batch.FirstId + i, batch[i], batch.TextBuffer);
        }

        writer.Write(batch);
    }

    private static EventFormat ChooseFormat(IReadOnlyList<string> header, string? formatName, string? mappingText)
    {
        if (!string.IsNullOrWhiteSpace(formatName))
        {
            return EventFormats.Find(formatName)
                ?? throw new ImportFileException($"Unknown event format '{ExportText.Cut(formatName)}'. Formats: {string.Join(", ", EventFormats.All.Select(f => f.Name))}.");
        }

        return EventFormats.Detect(header)
            ?? (string.IsNullOrWhiteSpace(mappingText)
                ? throw new ImportFileException($"The columns ({ExportText.Columns(header)}) match no known event export (GA4, REES46, RetailRocket, canonical). Give a column mapping, for example --map \"event_time=ts,event_type=action,session_id=sid\".")
                : EventFormats.Custom);
    }
}
