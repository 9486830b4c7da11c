namespace FunnelInsight.Core.Import.Preview;

/// <summary>
/// One previewed event row as the import would store it, read by the importer's own row parser in the file's
/// encoding, date order and decimal mark: its values, or the row error it would get. Text is cut to 200 characters.
/// </summary>
/// <param name="Line">The row's line in the file.</param>
/// <param name="Time">The event's time (UTC), as stored; null when the row would be rejected.</param>
/// <param name="EventName">The event name.</param>
/// <param name="SessionId">The session (null when sessions are cut by inactivity).</param>
/// <param name="ProductId">The product, if any.</param>
/// <param name="Price">The price, as stored.</param>
/// <param name="Quantity">The quantity, as stored.</param>
/// <param name="Country">The country, if any.</param>
/// <param name="Error">Why the row would be rejected; null when it would be stored.</param>
public sealed record PreviewReading(
    long Line,
    DateTime? Time,
    string? EventName,
    string? SessionId,
    string? ProductId,
    double? Price,
    int? Quantity,
    string? Country,
    string? Error)
{
    /// <summary>A row the import would reject, with its reason.</summary>
    public static PreviewReading Rejected(long line, string reason) => new(line, null, null, null, null, null, null, null, reason);
}
