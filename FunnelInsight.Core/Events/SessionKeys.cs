namespace FunnelInsight.Core.Events;

/// <summary>A session's own keys and times, as the export gave them.</summary>
/// <param name="Session">The session key.</param>
/// <param name="Visitor">The visitor key.</param>
/// <param name="StartUs">Its first event, in microseconds since the Unix epoch (UTC).</param>
/// <param name="EndUs">Its last event, likewise.</param>
internal readonly record struct SessionKeys(string Session, string Visitor, long StartUs, long EndUs);
