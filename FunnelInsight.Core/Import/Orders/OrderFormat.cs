namespace FunnelInsight.Core.Import.Orders;

/// <summary>A known order export layout.</summary>
/// <param name="Name">Short name used by <c>--format</c>.</param>
/// <param name="Title">What the format is, for people.</param>
/// <param name="Columns">For each field, the header names that may hold it, best first.</param>
/// <param name="Signature">Columns that must all be present for the format to be recognised, each given by the header names that may hold it.</param>
/// <param name="CancelledIdPrefix">An order id prefix that marks a cancellation (UCI's <c>C</c>), or null.</param>
public sealed record OrderFormat(
    string Name,
    string Title,
    IReadOnlyDictionary<OrderField, string[]> Columns,
    IReadOnlyList<string[]> Signature,
    string? CancelledIdPrefix = null)
{
    /// <summary>True when the export gives lines (quantity × unit price) rather than order totals.</summary>
    public bool SumsLines => Columns.ContainsKey(OrderField.LineUnitPrice);
}
