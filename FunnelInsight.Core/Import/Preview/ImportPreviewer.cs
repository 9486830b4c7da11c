using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Orders;
using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Core.Import.Preview;

/// <summary>
/// Reads the start of an uploaded file, never the whole of it: checks that it is CSV text, recognises its
/// format and proposes a column for each field, the same way the importer will map it.
/// </summary>
public static class ImportPreviewer
{
    /// <summary>How much of the file the text check looks at.</summary>
    public const int SniffBytes = 64 * 1024;

    /// <summary>Previews the first <paramref name="maxRows"/> data rows of the file at <paramref name="path"/>.</summary>
    public static ImportPreview Preview(string path, ImportKind kind, int maxRows = 10)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (!LooksLikeText(stream))
        {
            return ImportPreview.Unreadable(PreviewProblem.NotText, "The file is not CSV text (it holds binary data). Upload the export as a .csv file.");
        }

        stream.Position = 0;
        using var reader = CsvSource.Open(stream);
        string[] header;
        try
        {
            header = CsvSource.ReadHeader(reader).ToArray();
        }
        catch (ImportFileException ex)
        {
            return ImportPreview.Unreadable(PreviewProblem.NoHeader, ex.Message);
        }

        if (header.Length < 2)
        {
            return ImportPreview.Unreadable(PreviewProblem.OneColumn,
                $"The header has one column ('{header[0]}'): the file is not comma, semicolon, tab or pipe separated.", header);
        }

        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < maxRows && reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return kind == ImportKind.Events ? ForEvents(header, rows) : ForOrders(header, rows);
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

    /// <summary>True when the start of the file has no NUL or other binary control bytes (CSV text never does).</summary>
    private static bool LooksLikeText(Stream stream)
    {
        var buffer = new byte[SniffBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return !buffer.AsSpan(0, read).ContainsAnyInRange((byte)0, (byte)8) && !buffer.AsSpan(0, read).ContainsAnyInRange((byte)14, (byte)31);
    }
}
