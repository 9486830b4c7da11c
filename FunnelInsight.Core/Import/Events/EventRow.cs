namespace FunnelInsight.Core.Import.Events;

/// <summary>One event read from a file, before it is stored.</summary>
internal readonly record struct EventRow(
    long TimeUs,
    long Line,
    string? SessionKey,
    string VisitorKey,
    string EventName,
    string? ProductId,
    double? Price,
    int? Quantity,
    string? OrderId,
    string? Device,
    string? Channel,
    string? Country,
    int? PageLoadMs);
