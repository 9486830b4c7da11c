namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>One generated event as written to the CSV, with the file line it was written on.</summary>
internal sealed record RawEvent(
    long Line,
    DateTime Time,
    string Name,
    string Session,
    string Visitor,
    int? Price,
    int? Quantity,
    string? Device,
    string? Channel,
    string? Country,
    int? PageLoadMs);
