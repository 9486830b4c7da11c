namespace FunnelInsight.Core.Storage.EventBlocks;

/// <summary>
/// The layout of an event block, the form events are stored in (table EventBlocks): events one after another, each
/// <list type="number">
/// <item>its id less the previous event's (the first event's id is the block's key), as a varint;</item>
/// <item>its line and its time (µs) less the previous event's, zigzag varints (the first against 0);</item>
/// <item>flags (<see cref="HasPrice"/>, <see cref="HasQuantity"/>, <see cref="HasPageLoad"/>), then the price
/// as a little-endian double, the quantity and the page-load time as zigzag varints, each only when flagged;</item>
/// <item>eight text fields (session, visitor, event name, product, order, device, channel, country), each coded
/// through the block's dictionary of that field (see <see cref="Blocks.BlockWriter"/>).</item>
/// </list>
/// The block's row keeps its event count and last id beside it, so counts and id lookups need no decoding.
/// </summary>
internal static class EventBlockFormat
{
    /// <summary>The most events one block holds.</summary>
    public const int MaxEvents = 16_384;

    /// <summary>Text fields an event has.</summary>
    public const int TextFields = 8;

    public const byte HasPrice = 1;
    public const byte HasQuantity = 2;
    public const byte HasPageLoad = 4;
}
