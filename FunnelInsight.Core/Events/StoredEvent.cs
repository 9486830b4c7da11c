namespace FunnelInsight.Core.Events;

/// <summary>One stored event as the engine gives it back, text decoded.</summary>
/// <param name="Id">Its id (in its store's id range).</param>
/// <param name="ImportId">The import that stored it.</param>
/// <param name="Line">Its line in that import's file.</param>
/// <param name="TimeUs">Its time, microseconds since the Unix epoch (UTC).</param>
/// <param name="Session">Session id, if the export gave one.</param>
/// <param name="Visitor">Visitor id.</param>
/// <param name="Name">Event name.</param>
/// <param name="Product">Product id.</param>
/// <param name="Price">Price.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="Order">Order id.</param>
/// <param name="Device">Device.</param>
/// <param name="Channel">Channel.</param>
/// <param name="Country">Country.</param>
/// <param name="PageLoadMs">Page-load time.</param>
internal sealed record StoredEvent(
    long Id, int ImportId, long Line, long TimeUs, string? Session, string Visitor, string Name, string? Product, double? Price,
    int? Quantity, string? Order, string? Device, string? Channel, string? Country, int? PageLoadMs);
