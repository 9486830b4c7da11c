using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace FunnelInsight.Core.Import.Events;

/// <summary>
/// The identity a store knows an event by: a hash of its time and of its session, visitor, event name, product and
/// order text (a missing value counting as empty), laid out as the time's eight bytes, then each text followed by
/// <see cref="Separator"/>. Two rows that agree on all of these are the same event, however often they are exported.
/// </summary>
internal static class EventIdentity
{
    /// <summary>Ends each text of the identity; no text of a CSV field contains it unescaped in practice, and a row with it is still hashed consistently.</summary>
    public const byte Separator = 0x1F;

    /// <summary>The hash of <paramref name="identity"/>, bytes already laid out as described above.</summary>
    public static long Hash(ReadOnlySpan<byte> identity) => (long)XxHash3.HashToUInt64(identity);

    /// <summary>The identity of an event whose text fields are ranges of <paramref name="text"/>.</summary>
    public static long Hash(in EventRow row, ReadOnlySpan<byte> text)
    {
        var size = sizeof(long) + 5 + Length(row.SessionKey) + Length(row.VisitorKey) + Length(row.EventName)
            + Length(row.ProductId) + Length(row.OrderId);
        byte[]? rented = null;
        var buffer = size <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(size));
        MemoryMarshal.Write(buffer, row.TimeUs);
        var at = sizeof(long);
        foreach (var range in (ReadOnlySpan<TextRange>)[row.SessionKey, row.VisitorKey, row.EventName, row.ProductId, row.OrderId])
        {
            if (!range.IsNull)
            {
                text.Slice(range.Offset, range.Length).CopyTo(buffer[at..]);
                at += range.Length;
            }

            buffer[at++] = Separator;
        }

        var hash = Hash(buffer[..at]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return hash;
    }

    private static int Length(TextRange range) => Math.Max(range.Length, 0);
}
