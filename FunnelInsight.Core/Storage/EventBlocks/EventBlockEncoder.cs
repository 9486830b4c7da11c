using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage.Blocks;

namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// Packs events, in id order, into one block (see <see cref="EventBlockFormat"/>): ids, lines and times as deltas,
/// each text field through a dictionary of the values already in the block, so a session key or an event name that
/// comes again costs a byte or two instead of its text.
/// </summary>
internal sealed class EventBlockEncoder
{
    private readonly BlockWriter _block = new(EventBlockFormat.TextFields);
    private long _previousId;
    private long _previousLine;
    private long _previousTime;
    private bool _keyed;

    /// <summary>Events in the block so far.</summary>
    public int Count { get; private set; }

    /// <summary>The block's key: the id of its first event, or the key it was started with (<see cref="StartAt"/>).</summary>
    public long FirstId { get; private set; }

    /// <summary>The id of the block's last event.</summary>
    public long LastId => _previousId;

    /// <summary>The encoded block.</summary>
    public ReadOnlySpan<byte> Data => _block.Data;

    /// <summary>Appends an event whose id is higher than the last one's; its text fields are ranges of <paramref name="text"/>.</summary>
    public void Add(long id, in EventRow row, ReadOnlySpan<byte> text)
    {
        if (Count == 0 && !_keyed)
        {
            (FirstId, _previousId, _keyed) = (id, id, true);
        }
        else if (id < _previousId || (Count > 0 && id == _previousId))
        {
            throw new ArgumentOutOfRangeException(nameof(id), "Events go into a block in id order, from its key on.");
        }

        _block.WriteVarInt((ulong)(id - _previousId));
        _block.WriteSigned(row.Line - _previousLine);
        _block.WriteSigned(row.TimeUs - _previousTime);
        _block.WriteVarInt((ulong)((row.Price is null ? 0 : EventBlockFormat.HasPrice)
            | (row.Quantity is null ? 0 : EventBlockFormat.HasQuantity)
            | (row.PageLoadMs is null ? 0 : EventBlockFormat.HasPageLoad)));
        if (row.Price is { } price)
        {
            _block.WriteDouble(price);
        }

        if (row.Quantity is { } quantity)
        {
            _block.WriteSigned(quantity);
        }

        if (row.PageLoadMs is { } pageLoad)
        {
            _block.WriteSigned(pageLoad);
        }

        _block.WriteText(0, row.SessionKey, text);
        _block.WriteText(1, row.VisitorKey, text);
        _block.WriteText(2, row.EventName, text);
        _block.WriteText(3, row.ProductId, text);
        _block.WriteText(4, row.OrderId, text);
        _block.WriteText(5, row.Device, text);
        _block.WriteText(6, row.Channel, text);
        _block.WriteText(7, row.Country, text);
        (_previousId, _previousLine, _previousTime) = (id, row.Line, row.TimeUs);
        Count++;
    }

    /// <summary>
    /// Starts an empty block under <paramref name="key"/> rather than its first event's id: a block rewritten without
    /// some of its events keeps its key.
    /// </summary>
    public void StartAt(long key)
    {
        Clear();
        (FirstId, _previousId, _keyed) = (key, key, true);
    }

    /// <summary>Empties the encoder for the next block.</summary>
    public void Clear()
    {
        _block.Clear();
        (Count, FirstId, _previousId, _previousLine, _previousTime, _keyed) = (0, 0, 0, 0, 0, false);
    }
}
