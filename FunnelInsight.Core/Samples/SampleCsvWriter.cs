using CsvHelper;

namespace FunnelInsight.Core.Samples;

/// <summary>
/// Writes the generated exports field by field through CsvHelper's writer (the project's one CSV writer), formatting
/// each value into a stack buffer rather than a string per row, so a ten-million-row file is written quickly in
/// constant memory. UTF-8 without BOM, LF line ends; the values need no quoting.
/// </summary>
internal sealed class SampleCsvWriter(Stream output) : IDisposable
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", BufferSize = 1 << 16 };

    private readonly CsvWriter _csv = CsvWriter.Create(output, Options, leaveOpen: true);

    /// <summary>The header line: <paramref name="names"/> split at commas, one field each.</summary>
    public void Header(string names)
    {
        foreach (var name in names.Split(','))
        {
            _csv.WriteField(name);
        }

        EndLine();
    }

    /// <summary>A text field, or an empty one for null.</summary>
    public void Text(string? value) => _csv.WriteField(value.AsSpan());

    /// <summary>A whole number, or an empty field for null.</summary>
    public void Whole(long? value)
    {
        Span<char> buffer = stackalloc char[20];
        _csv.WriteField(value is { } v ? Number(v, buffer) : default);
    }

    /// <summary>A letter and a number as one field (<c>s42</c>), without building a string.</summary>
    public void Tagged(char tag, long number)
    {
        Span<char> buffer = stackalloc char[21];
        buffer[0] = tag;
        _csv.WriteField(buffer[..(1 + Number(number, buffer[1..]).Length)]);
    }

    /// <summary>An amount in cents with two decimals (<c>1999</c> → <c>19.99</c>), or an empty field for null.</summary>
    public void Money(long? cents)
    {
        if (cents is not { } c)
        {
            _csv.WriteField(ReadOnlySpan<char>.Empty);
            return;
        }

        Span<char> buffer = stackalloc char[23];
        var written = Number(c / 100, buffer).Length;
        buffer[written++] = '.';
        buffer[written++] = (char)('0' + (c % 100 / 10));
        buffer[written++] = (char)('0' + (c % 10));
        _csv.WriteField(buffer[..written]);
    }

    /// <summary>A UTC time given in seconds since the epoch, as ISO 8601 (<c>2025-01-31T09:05:00Z</c>).</summary>
    public void Time(long unixSeconds)
    {
        Span<char> buffer = stackalloc char[24];
        DateTime.UnixEpoch.AddSeconds(unixSeconds).TryFormat(buffer, out var written, "s", CultureInfo.InvariantCulture);
        buffer[written++] = 'Z';
        _csv.WriteField(buffer[..written]);
    }

    /// <summary>Ends the current line with LF.</summary>
    public void EndLine() => _csv.EndRecord();

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();

    private static Span<char> Number(long value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        return buffer[..written];
    }
}
