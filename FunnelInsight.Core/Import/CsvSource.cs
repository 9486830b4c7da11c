using System.Text;
using CsvHelper;

namespace FunnelInsight.Core.Import;

/// <summary>Opens export files the one way every importer reads them.</summary>
internal static class CsvSource
{
    /// <summary>Longest raw row kept with a row error.</summary>
    public const int MaxRawLength = 4000;

    /// <summary>
    /// A reader over <paramref name="stream"/>: UTF-8 with or without BOM, the separator detected
    /// (<c>,</c> <c>;</c> tab or <c>|</c>), RFC 4180 quoting, line numbers tracked for row errors.
    /// </summary>
    public static CsvReader Open(Stream stream) =>
        CsvReader.Create(stream, new CsvReaderOptions { TrackLineNumbers = true, PoolStrings = true }, leaveOpen: true);

    /// <summary>The header of the file, or an <see cref="ImportFileException"/> when it has none.</summary>
    public static IReadOnlyList<string> ReadHeader(CsvReader reader)
    {
        reader.ReadHeader();
        var header = reader.Headers;
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException("The file is empty or has no header row.");
        }

        return header;
    }

    /// <summary>The current record as text, cut to <see cref="MaxRawLength"/> characters.</summary>
    public static string RawLine(CsvReader reader)
    {
        var raw = Encoding.UTF8.GetString(reader.RawRecord);
        return raw.Length <= MaxRawLength ? raw : raw[..MaxRawLength];
    }
}
