using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage.Blocks;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// Reads the events of one block (see <see cref="EventBlockFormat"/>) in order. Each comes out as an
/// <see cref="EventRow"/> whose text fields are ranges of <see cref="Data"/>, with its identity hash computed again.
/// </summary>
internal sealed class EventBlockDecoder
{
    private readonly BlockReader _block = new(EventBlockFormat.TextFields);
    private long _previousId;
    private long _previousLine;
    private long _previousTime;

    /// <summary>The block being read; text ranges point into it.</summary>
    public ReadOnlySpan<byte> Data => _block.Data;

    /// <summary>Starts on the block keyed <paramref name="blockId"/> with bytes <paramref name="data"/> (copied).</summary>
    public void Reset(long blockId, ReadOnlySpan<byte> data)
    {
        _block.Reset(data);
        (_previousId, _previousLine, _previousTime) = (blockId, 0, 0);
    }

    /// <summary>Reads the next event; false at the end of the block.</summary>
    /// <exception cref="InvalidDataException">The block is cut short or its codes point nowhere.</exception>
    public bool Next(out long id, out EventRow row)
    {
        row = default;
        if (_block.AtEnd)
        {
            id = 0;
            return false;
        }

        id = _previousId + (long)_block.ReadVarInt();
        row.Line = _previousLine + _block.ReadSigned();
        row.TimeUs = _previousTime + _block.ReadSigned();
        var flags = _block.ReadVarInt();
        row.Price = (flags & EventBlockFormat.HasPrice) != 0 ? _block.ReadDouble() : null;
        row.Quantity = (flags & EventBlockFormat.HasQuantity) != 0 ? _block.ReadInt32() : null;
        row.PageLoadMs = (flags & EventBlockFormat.HasPageLoad) != 0 ? _block.ReadInt32() : null;
        row.SessionKey = _block.ReadText(0);
        row.VisitorKey = _block.ReadText(1);
        row.EventName = _block.ReadText(2);
        row.ProductId = _block.ReadText(3);
        row.OrderId = _block.ReadText(4);
        row.Device = _block.ReadText(5);
        row.Channel = _block.ReadText(6);
        row.Country = _block.ReadText(7);
        row.IdentityHash = EventIdentity.Hash(row, Data);
        (_previousId, _previousLine, _previousTime) = (id, row.Line, row.TimeUs);
        return true;
    }
}
