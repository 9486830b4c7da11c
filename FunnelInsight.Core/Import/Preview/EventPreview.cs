using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Preview;

/// <summary>The preview of an event export: its format, proposed columns, conventions and first rows as they will be stored.</summary>
internal static class EventPreview
{
    public static ImportPreview Read(ExportReader reader, string[] header, int maxRows, ReadingChoices choices, string? mapping)
    {
        var format = EventFormats.Detect(header);
        var required = (format ?? EventFormats.Custom).Required.ToHashSet();
        var proposed = ImportPreviewer.Proposals<EventField>(header,
            field => ImportPreviewer.Column(header, format is null ? [field.Name()] : format.Columns.GetValueOrDefault(field)),
            () => EventMappingText.Parse(mapping));
        var columns = proposed.Select(p => new ColumnProposal(p.Key.Name(), p.Value, required.Contains(p.Key))).ToArray();
        var map = Map(format ?? EventFormats.Custom, header, proposed);
        int At(EventField field) => map?[field] ?? ImportPreviewer.IndexOf(header, proposed[field]);
        var conventions = FileConventions.Decide(reader, [At(EventField.Time)],
            [At(EventField.Price), At(EventField.Quantity), At(EventField.PageLoadMs)], choices.DateOrder, choices.DecimalMark);

        var parser = map is null ? null : new EventRowParser(map, conventions);
        return ImportPreviewer.Rows(reader, maxRows, format?.Name, format?.Title, header, columns, conventions,
            parser is null ? null : () => PreviewReadings.Event(reader, map!, parser));
    }

    // The importer's map of these columns; null while a required field has none (the page asks for it).
    private static EventColumnMap? Map(EventFormat format, IReadOnlyList<string> header, Dictionary<EventField, string?> proposed) =>
        ImportPreviewer.MapOrNull(() => EventColumnMap.Resolve(format, header, proposed.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!)));
}
