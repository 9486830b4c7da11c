using System.Text;
using FunnelInsight.Core.Storage.Blocks;
using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Core.Storage.SessionBlocks;

/// <summary>Packs session rollups, in id order, into one block (see <see cref="SessionBlockFormat"/>).</summary>
internal sealed class SessionBlockEncoder
{
    private readonly BlockWriter _block = new(SessionBlockFormat.TextFields);
    private byte[] _utf8 = new byte[256];
    private long _previousId;
    private long _previousStart;

    /// <summary>Sessions in the block so far.</summary>
    public int Count { get; private set; }

    /// <summary>The encoded block.</summary>
    public ReadOnlySpan<byte> Data => _block.Data;

    /// <summary>Appends session <paramref name="id"/> (higher than the last one's).</summary>
    public void Add(long id, SessionSummary s)
    {
        if (Count == 0)
        {
            _previousId = id;
        }
        else if (id <= _previousId)
        {
            throw new ArgumentOutOfRangeException(nameof(id), "Sessions go into a block in id order.");
        }

        _block.WriteVarInt((ulong)(id - _previousId));
        _block.WriteSigned(s.StartUs - _previousStart);
        _block.WriteSigned(s.EndUs - s.StartUs);
        var flags = (s.ProductUs is null ? 0 : SessionBlockFormat.HasProduct)
            | (s.CartUs is null ? 0 : SessionBlockFormat.HasCart)
            | (s.CheckoutUs is null ? 0 : SessionBlockFormat.HasCheckout)
            | (s.PurchaseUs is null ? 0 : SessionBlockFormat.HasPurchase)
            | (s.AvgPageLoadMs is null ? 0 : SessionBlockFormat.HasPageLoad)
            | (BitConverter.DoubleToInt64Bits(s.CartValue) == 0 ? 0 : SessionBlockFormat.HasCartValue)
            | (BitConverter.DoubleToInt64Bits(s.PurchaseValue) == 0 ? 0 : SessionBlockFormat.HasPurchaseValue);
        _block.WriteVarInt((ulong)flags);
        foreach (var value in (ReadOnlySpan<int>)[s.OrderedDepth, s.OpenMask, s.StepMask, s.LastStep, s.SignalMask, s.ExitSignal, s.CartItems, s.EventCount])
        {
            _block.WriteSigned(value);
        }

        foreach (var time in (ReadOnlySpan<long?>)[s.ProductUs, s.CartUs, s.CheckoutUs, s.PurchaseUs])
        {
            if (time is { } us)
            {
                _block.WriteSigned(us - s.StartUs);
            }
        }

        if (s.AvgPageLoadMs is { } pageLoad)
        {
            _block.WriteDouble(pageLoad);
        }

        if ((flags & SessionBlockFormat.HasCartValue) != 0)
        {
            _block.WriteDouble(s.CartValue);
        }

        if ((flags & SessionBlockFormat.HasPurchaseValue) != 0)
        {
            _block.WriteDouble(s.PurchaseValue);
        }

        WriteText(0, s.SessionKey);
        WriteText(1, s.VisitorKey);
        WriteText(2, s.Device);
        WriteText(3, s.Channel);
        WriteText(4, s.Country);
        WriteText(5, s.LastEventName);
        _block.WriteBytes(s.StagePath);
        (_previousId, _previousStart) = (id, s.StartUs);
        Count++;
    }

    /// <summary>Empties the encoder for the next block.</summary>
    public void Clear()
    {
        _block.Clear();
        (Count, _previousId, _previousStart) = (0, 0, 0);
    }

    private void WriteText(int field, string? value)
    {
        if (value is null)
        {
            _block.WriteVarInt(0);
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _utf8.Length)
        {
            _utf8 = new byte[most];
        }

        _block.WriteText(field, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8)));
    }
}
