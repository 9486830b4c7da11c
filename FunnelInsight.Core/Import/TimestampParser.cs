namespace FunnelInsight.Core.Import;

/// <summary>
/// Reads export time stamps as UTC microseconds since the Unix epoch. Text without a zone is taken as UTC.
/// The common shapes (<c>2019-10-01 00:00:00 UTC</c>, <c>2024-03-01T10:15:00.123Z</c>) are read straight
/// from the UTF-8 bytes; anything else goes through <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>.
/// </summary>
public static class TimestampParser
{
    /// <summary>Parses <paramref name="utf8"/> written in <paramref name="style"/>; numeric dates month first.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, TimeStyle style, out long unixMicros) =>
        TryParse(utf8, style, Reading.DateOrder.Mdy, out unixMicros);

    /// <summary>Parses <paramref name="utf8"/> written in <paramref name="style"/>, numeric dates (<c>05/03/2025</c>) in <paramref name="order"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, TimeStyle style, Reading.DateOrder order, out long unixMicros)
    {
        utf8 = utf8.Trim((byte)' ');
        unixMicros = 0;
        if (utf8.IsEmpty)
        {
            return false;
        }

        if (style != TimeStyle.Auto || IsAllDigits(utf8))
        {
            return TryParseEpoch(utf8, style, out unixMicros);
        }

        return TryParseFixed(utf8, out unixMicros)
            || NumericDate.TryParse(utf8, order, out unixMicros)
            || (!NumericDate.IsNumericDate(utf8) && TryParseGeneral(utf8, out unixMicros));
    }

    private static bool IsAllDigits(ReadOnlySpan<byte> utf8)
    {
        var digits = utf8[0] == (byte)'-' ? utf8[1..] : utf8;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    private static bool TryParseEpoch(ReadOnlySpan<byte> utf8, TimeStyle style, out long unixMicros)
    {
        unixMicros = 0;
        if (!long.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value == long.MinValue)
        {
            return false;
        }

        // Auto: judge the unit by size. Seconds fit before 1e11 (year 5138), milliseconds before 1e14.
        var magnitude = Math.Abs(value);
        var unit = style != TimeStyle.Auto ? style
            : magnitude < 100_000_000_000L ? TimeStyle.UnixSeconds
            : magnitude < 100_000_000_000_000L ? TimeStyle.UnixMilliseconds
            : TimeStyle.UnixMicroseconds;
        var scale = unit switch
        {
            TimeStyle.UnixSeconds => 1_000_000L,
            TimeStyle.UnixMilliseconds => 1_000L,
            _ => 1L,
        };

        // A value whose microseconds do not fit in 64 bits is no time at all (it would wrap round into one).
        if (magnitude > long.MaxValue / scale)
        {
            return false;
        }

        unixMicros = value * scale;
        return true;
    }

    // yyyy-MM-dd[ T]HH:mm[:ss[.f…]][ UTC|Z|±hh:mm|±hhmm]
    private static bool TryParseFixed(ReadOnlySpan<byte> s, out long unixMicros)
    {
        unixMicros = 0;
        if (s.Length < 16 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute))
        {
            return false;
        }

        var pos = 16;
        var second = 0;
        long fractionMicros = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            if (!Digits(s, pos + 1, 2, out second))
            {
                return false;
            }

            pos += 3;
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                var scale = 100_000L;
                while (pos < s.Length && s[pos] is >= (byte)'0' and <= (byte)'9')
                {
                    fractionMicros += (s[pos] - '0') * scale;
                    scale /= 10;
                    pos++;
                }
            }
        }

        if (!TryZoneOffset(s[pos..], out var offsetMinutes) || year < 1 || month is < 1 or > 12 || day < 1
            || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        unixMicros = UtcTime.ToMicros(local) + fractionMicros - offsetMinutes * 60_000_000L;
        return true;
    }

    internal static bool TryZoneOffset(ReadOnlySpan<byte> zone, out int offsetMinutes)
    {
        offsetMinutes = 0;
        zone = zone.TrimStart((byte)' ');
        if (zone.IsEmpty || zone.SequenceEqual("Z"u8) || zone.SequenceEqual("UTC"u8) || zone.SequenceEqual("GMT"u8))
        {
            return true;
        }

        if (zone[0] is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }

        var sign = zone[0] == '-' ? -1 : 1;
        var digits = zone[1..];
        if (digits.Length == 5 && digits[2] == ':' && Digits(digits, 0, 2, out var h) && Digits(digits, 3, 2, out var m))
        {
            offsetMinutes = sign * (h * 60 + m);
            return true;
        }

        if (digits.Length == 4 && Digits(digits, 0, 2, out h) && Digits(digits, 2, 2, out m))
        {
            offsetMinutes = sign * (h * 60 + m);
            return true;
        }

        return false;
    }

    internal static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = value * 10 + digit;
        }

        return true;
    }

    private static bool TryParseGeneral(ReadOnlySpan<byte> utf8, out long unixMicros)
    {
        var text = Encoding.UTF8.GetString(utf8).Replace(" UTC", "", StringComparison.Ordinal);
        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value);
        unixMicros = parsed ? UtcTime.ToMicros(value.UtcDateTime) : 0;
        return parsed;
    }
}
