using FunnelInsight.Core.Storage.Blocks;

namespace FunnelInsight.Core.Storage.SessionBlocks;

/// <summary>Reads the session rollups of one block (see <see cref="SessionBlockFormat"/>) in order.</summary>
internal sealed class SessionBlockDecoder
{
    private readonly BlockReader _block = new(SessionBlockFormat.TextFields);
    private long _previousId;
    private long _previousStart;

    /// <summary>The block being read; text ranges point into it.</summary>
    public ReadOnlySpan<byte> Data => _block.Data;

    /// <summary>Starts on the block keyed <paramref name="blockId"/> with bytes <paramref name="data"/> (copied).</summary>
    public void Reset(long blockId, ReadOnlySpan<byte> data)
    {
        _block.Reset(data);
        (_previousId, _previousStart) = (blockId, 0);
    }

    /// <summary>Reads the next session; false at the end of the block.</summary>
    /// <exception cref="InvalidDataException">The block is cut short or its codes point nowhere.</exception>
    public bool Next(out long id, out SessionRecord s)
    {
        s = default;
        if (_block.AtEnd)
        {
            id = 0;
            return false;
        }

        id = _previousId + (long)_block.ReadVarInt();
        s.StartUs = _previousStart + _block.ReadSigned();
        s.EndUs = s.StartUs + _block.ReadSigned();
        var flags = (int)_block.ReadVarInt();
        s.OrderedDepth = _block.ReadInt32();
        s.OpenMask = _block.ReadInt32();
        s.StepMask = _block.ReadInt32();
        s.LastStep = _block.ReadInt32();
        s.SignalMask = _block.ReadInt32();
        s.ExitSignal = _block.ReadInt32();
        s.CartItems = _block.ReadInt32();
        s.EventCount = _block.ReadInt32();
        s.ProductUs = Time(flags, SessionBlockFormat.HasProduct, s.StartUs);
        s.CartUs = Time(flags, SessionBlockFormat.HasCart, s.StartUs);
        s.CheckoutUs = Time(flags, SessionBlockFormat.HasCheckout, s.StartUs);
        s.PurchaseUs = Time(flags, SessionBlockFormat.HasPurchase, s.StartUs);
        s.AvgPageLoadMs = (flags & SessionBlockFormat.HasPageLoad) != 0 ? _block.ReadDouble() : null;
        s.CartValue = (flags & SessionBlockFormat.HasCartValue) != 0 ? _block.ReadDouble() : 0;
        s.PurchaseValue = (flags & SessionBlockFormat.HasPurchaseValue) != 0 ? _block.ReadDouble() : 0;
        s.SessionKey = _block.ReadText(0);
        s.VisitorKey = _block.ReadText(1);
        s.Device = _block.ReadText(2);
        s.Channel = _block.ReadText(3);
        s.Country = _block.ReadText(4);
        s.LastEventName = _block.ReadText(5);
        s.StagePath = _block.ReadBytes();
        (_previousId, _previousStart) = (id, s.StartUs);
        return true;
    }

    private long? Time(int flags, int flag, long startUs) => (flags & flag) != 0 ? startUs + _block.ReadSigned() : null;
}
