using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Core.Import;

/// <summary>
/// The one place a field of an export becomes a value, for events and orders alike: times in the file's day/month
/// order and inside <see cref="StoredTimeRange"/>, numbers in the file's decimal mark (<see cref="NumberText"/>).
/// Each read says why it failed in words a merchant can act on; whether that rejects the row or only warns is the
/// caller's to say.
/// </summary>
internal static class FieldValue
{
    /// <summary>Reads a time; false with the reason when it is unreadable or outside the stored range.</summary>
    /// <param name="utf8">The field, not blank.</param>
    /// <param name="style">How the column writes times.</param>
    /// <param name="order">The file's day/month order.</param>
    /// <param name="endUs">The end of the stored range (<see cref="StoredTimeRange.EndUs"/>, read once per file).</param>
    /// <param name="unixMicros">The time, as microseconds since the Unix epoch.</param>
    /// <param name="problem">Why it cannot be read.</param>
    public static bool TryTime(ReadOnlySpan<byte> utf8, TimeStyle style, DateOrder order, long endUs, out long unixMicros, out ImportReason? problem)
    {
        problem = null;
        if (!TimestampParser.TryParse(utf8, style, order, out unixMicros))
        {
            problem = ImportReason.Of(ImportReasonCode.UnparseableTime, ExportText.Cut(utf8.Trim((byte)' ')));
            return false;
        }

        if (!StoredTimeRange.Contains(unixMicros, endUs))
        {
            problem = StoredTimeRange.Outside(Encoding.UTF8.GetString(utf8.Trim((byte)' ')));
            return false;
        }

        return true;
    }

    /// <summary>Reads a number; null for a blank field; false with the reason when it is not a number (or negative where that is not allowed).</summary>
    /// <param name="utf8">The field.</param>
    /// <param name="mark">The file's decimal mark.</param>
    /// <param name="name">The field's canonical name, for the reason.</param>
    /// <param name="allowNegative">True where a negative value means something (a returned line's quantity).</param>
    /// <param name="value">The number, or null when the field is blank.</param>
    /// <param name="problem">Why it cannot be read.</param>
    public static bool TryNumber(ReadOnlySpan<byte> utf8, DecimalMark mark, string name, bool allowNegative, out double? value, out ImportReason? problem)
    {
        value = null;
        problem = null;
        var span = utf8.Trim((byte)' ');
        if (span.IsEmpty)
        {
            return true;
        }

        if (!NumberText.TryParse(span, mark, out var number))
        {
            problem = ImportReason.Of(ImportReasonCode.NotANumber, name, ExportText.Cut(span));
            return false;
        }

        if (number < 0 && !allowNegative)
        {
            problem = ImportReason.Of(ImportReasonCode.Negative, name, ExportText.Cut(span));
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>Reads a whole, non-negative number (a quantity, a page load in milliseconds), as <see cref="TryNumber"/> does.</summary>
    public static bool TryWhole(ReadOnlySpan<byte> utf8, DecimalMark mark, string name, out int? value, out ImportReason? problem)
    {
        value = null;
        if (!TryNumber(utf8, mark, name, allowNegative: false, out var number, out problem) || number is null)
        {
            return problem is null;
        }

        if (number != Math.Floor(number.Value) || number > int.MaxValue)
        {
            problem = ImportReason.Of(ImportReasonCode.NotWhole, name, number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return false;
        }

        value = (int)number.Value;
        return true;
    }
}
