using FunnelInsight.Core.Events;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Events;

/// <summary>
/// Streams an event export into the store: this thread parses rows into batches (and keeps the row errors, in file
/// order) while a second thread hands the batches to the event store's append (a <see cref="Pipeline{T}"/>); the
/// append then stores them, drops what the store already had and rolls up the sessions they touch.
/// </summary>
internal static class EventFileImporter
{
    private const int BatchSize = 512;

    private static readonly FormatChoice<EventFormat> Formats = new(
        EventFormats.All, format => format.Name, EventFormats.Detect, EventFormats.Custom,
        Reasons.ImportReasonCode.UnknownEventFormat, Reasons.ImportReasonCode.UnknownEventLayout);

    public static ImportCounts Run(ExportReader reader, ImportContext context, (DateOrder? Order, DecimalMark? Mark) choices, SessionRules rules, string? formatName, string? mappingText)
    {
        var header = reader.ReadHeader();
        var format = Formats.Choose(header, formatName, mappingText);
        var map = EventColumnMap.Resolve(format, header, EventMappingText.Parse(mappingText));
        var conventions = FileConventions.Decide(reader, [map[EventField.Time]],
            [map[EventField.Price], map[EventField.Quantity], map[EventField.PageLoadMs]], choices.Order, choices.Mark);
        var parser = new EventRowParser(map, conventions);
        var cancellationToken = context.CancellationToken;

        using var append = context.Events.BeginAppend(context.Write, context.ImportId, rules, cancellationToken);
        using var pipeline = new Pipeline<EventBatch>(append.Add, cancellationToken);
        var batch = new EventBatch(BatchSize, append.FirstEventId);
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            if (reader.Broken is { } broken)
            {
                context.Errors.Add(broken);
            }
            else if (parser.TryParse(reader, batch, out var error))
            {
                if (parser.Warnings.Count > 0)
                {
                    foreach (var warning in parser.Warnings)
                    {
                        context.Errors.Add(warning);
                    }
                }

                if (batch.IsFull)
                {
                    pipeline.Add(batch);
                    batch = new EventBatch(BatchSize, batch.FirstId + batch.Count);
                }
            }
            else
            {
                context.Errors.Add(error!);
            }

            if (rows % 8192 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.ReportRows(rows);
            }
        }

        pipeline.Add(batch);
        pipeline.Finish();
        context.ReportRows(rows);
        var outcome = append.Complete(() => context.ReportBuildingRollups(rows), cancellationToken);
        return new ImportCounts(format.Name, map.ToText(), rows, outcome.Stored, outcome.Duplicates, reader.BlankRows, reader.Encoding.Name, conventions)
        {
            RolledUp = outcome.RolledUp,
        };
    }
}
