using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Orders;
using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Core.Import.Preview;

/// <summary>
/// Reads the start of an uploaded file, never the whole of it: checks that it is CSV text, recognises its
/// format and proposes a column for each field, the same way the importer will map it.
/// </summary>
public static class ImportPreviewer
{
    /// <summary>Previews the first <paramref name="maxRows"/> data rows of the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">Events or orders.</param>
    /// <param name="maxRows">How many data rows to show.</param>
    /// <param name="encodingName">The encoding to read it in, as the user chose it; detected when null.</param>
    public static ImportPreview Preview(string path, ImportKind kind, int maxRows = 10, string? encodingName = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ExportReader reader;
        try
        {
            reader = ExportReader.Open(stream, encodingName, Path.GetFileName(path));
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

            var rows = new List<IReadOnlyList<string>>();
            while (rows.Count < maxRows && reader.Read())
            {
                rows.Add(reader.Broken is { } broken
                    ? [broken.RawLine]
                    : Enumerable.Range(0, reader.FieldCount).Select(i => ExportText.Cut(reader.GetString(i), 200)).ToArray());
            }

            var preview = kind == ImportKind.Events ? ForEvents(header, rows) : ForOrders(header, rows);
            return preview with { Encoding = reader.Encoding.Name };
        }
    }

    private static ImportPreview ForEvents(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var format = EventFormats.Detect(header);
        var required = (format ?? EventFormats.Custom).Required.ToHashSet();
        var columns = Enum.GetValues<EventField>()
            .Select(field => new ColumnProposal(
                field.Name(),
                Column(header, format is null ? [field.Name()] : format.Columns.GetValueOrDefault(field)),
                required.Contains(field)))
            .ToArray();
        return new ImportPreview(format?.Name, format?.Title, header, rows, columns, null);
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

    private static string? Column(IReadOnlyList<string> header, string[]? candidates)
    {
        var index = candidates is null ? -1 : HeaderName.Find(header, candidates);
        return index >= 0 ? header[index] : null;
    }
}
