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
                ContentProblem.Utf16Marked or ContentProblem.Utf8Marked => PreviewProblem.MarkedEncoding,
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

            var preview = kind == ImportKind.Events
                ? EventPreview.Read(reader, header, maxRows, choices, mapping)
                : OrderPreview.Read(reader, header, maxRows, choices, mapping);
            return preview with
            {
                Encoding = reader.Encoding.Name,
                EncodingSource = reader.Encoding.Detected ? DecisionSource.Detected : DecisionSource.Chosen,
            };
        }
    }

    /// <summary>The previewed rows as the file has them (decoded), each field cut to 200 characters.</summary>
    internal static string[] RawRow(ExportReader reader) => reader.Broken is { } broken
        ? [broken.RawLine]
        : Enumerable.Range(0, reader.FieldCount).Select(i => ExportText.Cut(reader.GetString(i), 200)).ToArray();

    /// <summary>The header's first column among <paramref name="candidates"/>, or null.</summary>
    internal static string? Column(IReadOnlyList<string> header, string[]? candidates)
    {
        var index = candidates is null ? -1 : HeaderName.Find(header, candidates);
        return index >= 0 ? header[index] : null;
    }

    /// <summary>
    /// The proposed column of each field (<paramref name="byFormat"/>), with the user's own choices over it; a user's
    /// mapping that does not parse (it comes from the page's own selects) leaves the proposal as it is.
    /// </summary>
    internal static Dictionary<TField, string?> Proposals<TField>(IReadOnlyList<string> header, Func<TField, string?> byFormat, Func<IReadOnlyDictionary<TField, string>> userMapping)
        where TField : struct, Enum
    {
        var proposed = Enum.GetValues<TField>().ToDictionary(field => field, byFormat);
        IReadOnlyDictionary<TField, string> overrides;
        try
        {
            overrides = userMapping();
        }
        catch (ImportFileException)
        {
            overrides = new Dictionary<TField, string>();
        }

        foreach (var (field, column) in overrides)
        {
            proposed[field] = HeaderName.Find(header, [column]) is var index and >= 0 ? header[index] : proposed[field];
        }

        return proposed;
    }

    /// <summary>
    /// The preview of the file's first <paramref name="maxRows"/> rows as the file has them, each also as it will be
    /// read (<paramref name="reading"/>) once the columns are mapped.
    /// </summary>
    internal static ImportPreview Rows(ExportReader reader, int maxRows, string? format, string? formatTitle, string[] header, IReadOnlyList<ColumnProposal> columns,
        FileConventions conventions, Func<PreviewReading>? reading)
    {
        var rows = new List<IReadOnlyList<string>>();
        var readings = new List<PreviewReading>();
        while (rows.Count < maxRows && reader.Read())
        {
            rows.Add(RawRow(reader));
            if (reading is not null)
            {
                readings.Add(reading());
            }
        }

        return new ImportPreview(format, formatTitle, header, rows, columns, null) { Conventions = conventions, Readings = readings };
    }

    /// <summary>The importer's map of the proposed columns, or null while a field it requires has none (the page asks for it).</summary>
    internal static TMap? MapOrNull<TMap>(Func<TMap> resolve)
        where TMap : class
    {
        try
        {
            return resolve();
        }
        catch (ImportFileException)
        {
            return null;
        }
    }

    /// <summary>The column index of a proposal, or -1.</summary>
    internal static int IndexOf(IReadOnlyList<string> header, string? column) => column is null ? -1 : header.ToList().IndexOf(column);
}
