using System.Globalization;
using System.Text;

namespace FunnelInsight.Core.Samples;

/// <summary>
/// Writes CSV lines field by field without building strings per row, so a ten-million-row file is
/// written quickly in constant memory. UTF-8 without BOM, LF line ends; values need no quoting.
/// </summary>
internal sealed class SampleCsvWriter(Stream output) : IDisposable
{
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
    private bool _lineStarted;

    /// <summary>A text field, or an empty one for null.</summary>
    public void Text(string? value)
    {
        Separator();
        if (value is not null)
        {
            _writer.Write(value);
        }
    }

    /// <summary>A whole number, or an empty field for null.</summary>
    public void Whole(long? value)
    {
        Separator();
        if (value is { } v)
        {
            Number(v);
        }
    }

    /// <summary>A letter and a number as one field (<c>s42</c>), without building a string.</summary>
    public void Tagged(char tag, long number)
    {
        Separator();
        _writer.Write(tag);
        Number(number);
    }

    /// <summary>An amount in cents with two decimals (<c>1999</c> → <c>19.99</c>), or an empty field for null.</summary>
    public void Money(long? cents)
    {
        Separator();
        if (cents is { } c)
        {
            Number(c / 100);
            Span<char> fraction = ['.', (char)('0' + (c % 100 / 10)), (char)('0' + (c % 10))];
            _writer.Write(fraction);
        }
    }

    /// <summary>A UTC time given in seconds since the epoch, as ISO 8601 (<c>2025-01-31T09:05:00Z</c>).</summary>
    public void Time(long unixSeconds)
    {
        Separator();
        Span<char> buffer = stackalloc char[24];
        DateTime.UnixEpoch.AddSeconds(unixSeconds).TryFormat(buffer, out var written, "s", CultureInfo.InvariantCulture);
        buffer[written++] = 'Z';
        _writer.Write(buffer[..written]);
    }

    /// <summary>Ends the current line with LF.</summary>
    public void EndLine()
    {
        _writer.Write('\n');
        _lineStarted = false;
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private void Number(long value)
    {
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    private void Separator()
    {
        if (_lineStarted)
        {
            _writer.Write(',');
        }

        _lineStarted = true;
    }
}
