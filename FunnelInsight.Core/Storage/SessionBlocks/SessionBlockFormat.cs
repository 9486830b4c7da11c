namespace FunnelInsight.Core.Storage.SessionBlocks;

/// <summary>
/// The layout of a session block, the form session rollups are stored in (table SessionBlocks): sessions one after
/// another, each
/// <list type="number">
/// <item>its id less the previous session's (the first session's id is the block's key), a varint;</item>
/// <item>its start less the previous session's (the first against 0), and its end less its start, zigzag varints;</item>
/// <item>flags saying which optional values follow (<see cref="HasProduct"/> … <see cref="HasPurchaseValue"/>);</item>
/// <item>ordered depth, open mask, step mask, last step, signal mask, exit signal, cart items and event count, zigzag varints;</item>
/// <item>the flagged stage times less the start (zigzag varints), then the flagged average page load, cart value and
/// purchase value (little-endian doubles);</item>
/// <item>six text fields (session, visitor, device, channel, country, last event name), each coded through the block's
/// dictionary of that field (see <see cref="Blocks.BlockWriter"/>);</item>
/// <item>the stage path, length-prefixed.</item>
/// </list>
/// </summary>
internal static class SessionBlockFormat
{
    /// <summary>The most sessions one block holds.</summary>
    public const int MaxSessions = 8_192;

    /// <summary>Text fields a session has.</summary>
    public const int TextFields = 6;

    public const int HasProduct = 1;
    public const int HasCart = 2;
    public const int HasCheckout = 4;
    public const int HasPurchase = 8;
    public const int HasPageLoad = 16;
    public const int HasCartValue = 32;
    public const int HasPurchaseValue = 64;
}
