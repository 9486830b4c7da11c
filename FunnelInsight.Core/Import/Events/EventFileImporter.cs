using CsvHelper;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Import.Events;

/// <summary>Streams an event export into the store: detect the layout, read each row, write in batches.</summary>
internal static class EventFileImporter
{
    public static ImportCounts Run(CsvReader reader, ImportContext context, string? formatName, string? mappingText)
    {
        var header = CsvSource.ReadHeader(reader);
        var format = ChooseFormat(header, formatName, mappingText);
        var map = EventColumnMap.Resolve(format, header, EventMappingText.Parse(mappingText));
        var parser = new EventRowParser(map);
        using var writer = new EventBulkWriter(context.Connection, context.Transaction, context.StoreId, context.ImportId);
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            if (parser.TryParse(reader, out var row, out var error))
            {
                writer.Add(row);
            }
            else
            {
                context.Errors.Add(error!);
            }

            if (rows % 8192 == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                context.ReportRows(rows);
            }
        }

        context.ReportRows(rows);
        return new ImportCounts(format.Name, map.ToText(), rows, writer.Stored, writer.Duplicates);
    }

    private static EventFormat ChooseFormat(IReadOnlyList<string> header, string? formatName, string? mappingText)
    {
        if (!string.IsNullOrWhiteSpace(formatName))
        {
            return EventFormats.Find(formatName)
                ?? throw new ImportFileException($"Unknown event format '{formatName}'. Formats: {string.Join(", ", EventFormats.All.Select(f => f.Name))}.");
        }

        return EventFormats.Detect(header)
            ?? (string.IsNullOrWhiteSpace(mappingText)
                ? throw new ImportFileException($"The columns ({string.Join(", ", header)}) match no known event export (GA4, REES46, RetailRocket, canonical). Give a column mapping, for example --map \"event_time=ts,event_type=action,session_id=sid\".")
                : EventFormats.Custom);
    }
}
