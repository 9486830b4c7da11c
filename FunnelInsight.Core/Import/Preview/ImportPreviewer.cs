using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Orders;
using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Core.Import.Preview;

/// <summary>
/// Reads the start of an uploaded file, never the whole of it: checks that it is CSV text, recognises its
/// format and proposes a column for each field, the same way the importer will map it, and decides its encoding,
/// date order and decimal mark as the importer will (or takes the user's choices), reading the first event rows
/// with the importer's own row parser, so that a wrong guess shows before the import.
/// </summary>
public static class ImportPreviewer
{
    /// <summary>Previews the first <paramref name="maxRows"/> data rows of the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">Events or orders.</param>
    /// <param name="maxRows">How many data rows to show.</param>
    /// <param name="choices">What the user chose of the file's encoding, date order and decimal mark; all decided from the file when null.</param>
    /// <param name="mapping">The user's column mapping (<c>field=column,…</c>) over the proposed one, for the event rows' readings.</param>
    public static ImportPreview Preview(string path, ImportKind kind, int maxRows = 10, ReadingChoices? choices = null, string? mapping = null)
    {
        choices ??= ReadingChoices.None;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ExportReader reader;
        try
        {
            reader = ExportReader.Open(stream, choices.Encoding, Path.GetFileName(path));
        }
        catch (ImportFileException ex)
        {
            var problem = ex.Content switch
            {
                ContentProblem.NoDelimiter => PreviewProblem.OneColumn,
                ContentProblem.Empty => PreviewProblem.NoHeader,
                _ => PreviewProblem.NotText,
            };
            return ImportPreview.Unreadable(problem, ex.Message);
        }

        using (reader)
        {
            string[] header;
            try
            {
                header = reader.ReadHeader().ToArray();
            }
            catch (ImportFileException ex)
            {
                return ImportPreview.Unreadable(PreviewProblem.NoHeader, ex.Message);
            }

            if (header.Length < 2)
            {
                return ImportPreview.Unreadable(PreviewProblem.OneColumn,
                    $"The header has one column ('{ExportText.Cut(header[0])}'): the file is not comma, semicolon, tab or pipe separated.", header);
            }

            var preview = kind == ImportKind.Events ? ForEvents(reader, header, maxRows, choices, mapping) : ForOrders(header, RawRows(reader, maxRows));
            return preview with
            {
                Encoding = reader.Encoding.Name,
                EncodingSource = reader.Encoding.Detected ? DecisionSource.Detected : DecisionSource.Chosen,
            };
        }
    }

    private static ImportPreview ForEvents(ExportReader reader, string[] header, int maxRows, ReadingChoices choices, string? mapping)
    {
        var format = EventFormats.Detect(header);
        var required = (format ?? EventFormats.Custom).Required.ToHashSet();
        var proposed = Enum.GetValues<EventField>()
            .ToDictionary(field => field, field => Column(header, format is null ? [field.Name()] : format.Columns.GetValueOrDefault(field)));
        foreach (var (field, column) in UserMapping(mapping))
        {
            proposed[field] = HeaderName.Find(header, [column]) is var index and >= 0 ? header[index] : proposed[field];
        }

        var columns = proposed.Select(p => new ColumnProposal(p.Key.Name(), p.Value, required.Contains(p.Key))).ToArray();
        var map = Map(format ?? EventFormats.Custom, header, proposed);
        int At(EventField field) => map?[field] ?? (proposed[field] is { } name ? Array.IndexOf(header, name) : -1);
        var conventions = FileConventions.Decide(reader, [At(EventField.Time)],
            [At(EventField.Price), At(EventField.Quantity), At(EventField.PageLoadMs)], choices.DateOrder, choices.DecimalMark);

        var parser = map is null ? null : new EventRowParser(map, conventions);
        var rows = new List<IReadOnlyList<string>>();
        var readings = new List<PreviewReading>();
        while (rows.Count < maxRows && reader.Read())
        {
            rows.Add(RawRow(reader));
            if (parser is not null)
            {
                readings.Add(PreviewReadings.Read(reader, parser));
            }
        }

        return new ImportPreview(format?.Name, format?.Title, header, rows, columns, null)
        {
            Conventions = conventions,
            Readings = readings,
        };
    }

    private static ImportPreview ForOrders(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var format = OrderFormats.Detect(header);
        var columns = Enum.GetValues<OrderField>()
            .Select(field => new ColumnProposal(
                field.Name(),
                Column(header, format is null ? [field.Name()] : format.Columns.GetValueOrDefault(field)),
                field is OrderField.OrderId or OrderField.CreatedAt))
            .ToArray();
        return new ImportPreview(format?.Name, format?.Title, header, rows, columns, null);
    }

    private static List<IReadOnlyList<string>> RawRows(ExportReader reader, int maxRows)
    {
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < maxRows && reader.Read())
        {
            rows.Add(RawRow(reader));
        }

        return rows;
    }

    private static string[] RawRow(ExportReader reader) => reader.Broken is { } broken
        ? [broken.RawLine]
        : Enumerable.Range(0, reader.FieldCount).Select(i => ExportText.Cut(reader.GetString(i), 200)).ToArray();

    // The mapping comes from the page's own column choices; one that does not parse leaves the proposal as it is.
    private static IReadOnlyDictionary<EventField, string> UserMapping(string? mapping)
    {
        try
        {
            return EventMappingText.Parse(mapping);
        }
        catch (ImportFileException)
        {
            return new Dictionary<EventField, string>();
        }
    }

    // The importer's map of these columns; null while a required field has none (the page asks for it).
    private static EventColumnMap? Map(EventFormat format, IReadOnlyList<string> header, Dictionary<EventField, string?> proposed)
    {
        try
        {
            return EventColumnMap.Resolve(format, header, proposed.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!));
        }
        catch (ImportFileException)
        {
            return null;
        }
    }

    private static string? Column(IReadOnlyList<string> header, string[]? candidates)
    {
        var index = candidates is null ? -1 : HeaderName.Find(header, candidates);
        return index >= 0 ? header[index] : null;
    }
}
