using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import;

/// <summary>
/// Dates written with numbers only, <c>05/03/2025 10:00</c>, <c>5.3.2025</c>, <c>2025/03/05</c>, read in the day/month
/// order decided for the file, and what one value says about that order.
/// </summary>
internal static class NumericDate
{
    /// <summary>True when <paramref name="s"/> starts like a numeric date (<c>d/m/y</c>, <c>m.d.y</c>, <c>y/m/d</c>).</summary>
    public static bool IsNumericDate(ReadOnlySpan<byte> s) => TryParts(s.Trim((byte)' '), out _, out _, out _, out _, out _);

    /// <summary>The order a value shows: year first, a first part above 12 (day first) or a second above 12 (month first); null when it could be either.</summary>
    public static DateOrder? Evidence(ReadOnlySpan<byte> s)
    {
        if (!TryParts(s.Trim((byte)' '), out var a, out var aDigits, out var b, out _, out _))
        {
            return null;
        }

        return aDigits == 4 ? DateOrder.Ymd : a > 12 && b <= 12 ? DateOrder.Dmy : b > 12 && a <= 12 ? DateOrder.Mdy : null;
    }

    /// <summary>Reads a numeric date with an optional time (<c>H:mm[:ss[.f…]]</c>, <c>AM</c>/<c>PM</c>) and zone, as UTC microseconds.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, DateOrder order, out long unixMicros)
    {
        unixMicros = 0;
        s = s.Trim((byte)' ');
        if (!TryParts(s, out var a, out var aDigits, out var b, out var c, out var pos))
        {
            return false;
        }

        int year, month, day;
        if (aDigits == 4)
        {
            (year, month, day) = (a, b, c);
        }
        else if (order == DateOrder.Ymd || c is >= 100 and < 1000)
        {
            return false;
        }
        else
        {
            year = c < 100 ? 2000 + c : c;
            (day, month) = order == DateOrder.Dmy ? (a, b) : (b, a);
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || !TryTime(s[pos..], out var timeMicros, out var offsetMinutes))
        {
            return false;
        }

        unixMicros = UtcTime.ToMicros(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc)) + timeMicros - offsetMinutes * 60_000_000L;
        return true;
    }

    // a{sep}b{sep}c with sep one of / . - (the same twice), a of 1, 2 or 4 digits, b of 1 or 2, c of 1 to 4.
    private static bool TryParts(ReadOnlySpan<byte> s, out int a, out int aDigits, out int b, out int c, out int end)
    {
        b = c = end = 0;
        var pos = 0;
        if (!Number(s, ref pos, 4, out a, out aDigits) || aDigits == 3 || pos >= s.Length || s[pos] is not ((byte)'/' or (byte)'.' or (byte)'-'))
        {
            return false;
        }

        var separator = s[pos++];
        if (!Number(s, ref pos, 2, out b, out _) || pos >= s.Length || s[pos] != separator)
        {
            return false;
        }

        pos++;
        if (!Number(s, ref pos, 4, out c, out var cDigits) || (aDigits != 4 && cDigits is not (2 or 4)) || (aDigits == 4 && cDigits > 2))
        {
            return false;
        }

        end = pos;
        return pos == s.Length || s[pos] is (byte)' ' or (byte)'T';
    }

    private static bool Number(ReadOnlySpan<byte> s, ref int pos, int maxDigits, out int value, out int digits)
    {
        value = digits = 0;
        while (pos < s.Length && digits < maxDigits && s[pos] is >= (byte)'0' and <= (byte)'9')
        {
            value = value * 10 + (s[pos++] - '0');
            digits++;
        }

        return digits > 0 && (pos >= s.Length || s[pos] is < (byte)'0' or > (byte)'9');
    }

    // [( |T)H[H]:mm[:ss[.f…]]][ AM|PM][ zone]
    private static bool TryTime(ReadOnlySpan<byte> s, out long micros, out int offsetMinutes)
    {
        micros = 0;
        offsetMinutes = 0;
        if (s.IsEmpty)
        {
            return true;
        }

        var pos = 1;
        if (!Number(s, ref pos, 2, out var hour, out _) || pos >= s.Length || s[pos] != ':')
        {
            return false;
        }

        pos++;
        if (!Number(s, ref pos, 2, out var minute, out var minuteDigits) || minuteDigits != 2)
        {
            return false;
        }

        var second = 0;
        long fraction = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            if (!Number(s, ref pos, 2, out second, out var secondDigits) || secondDigits != 2)
            {
                return false;
            }

            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                for (var scale = 100_000L; pos < s.Length && s[pos] is >= (byte)'0' and <= (byte)'9'; pos++, scale /= 10)
                {
                    fraction += (s[pos] - '0') * scale;
                }
            }
        }

        var rest = s[pos..].TrimStart((byte)' ');
        if (rest.Length >= 2 && (rest[..2].SequenceEqual("AM"u8) || rest[..2].SequenceEqual("am"u8) || rest[..2].SequenceEqual("PM"u8) || rest[..2].SequenceEqual("pm"u8)))
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = hour % 12 + (rest[0] is (byte)'P' or (byte)'p' ? 12 : 0);
            rest = rest[2..];
        }

        if (hour > 23 || minute > 59 || second > 59 || !TimestampParser.TryZoneOffset(rest, out offsetMinutes))
        {
            return false;
        }

        micros = ((hour * 60L + minute) * 60 + second) * 1_000_000 + fraction;
        return true;
    }
}
