namespace FunnelInsight.Core.Import.Reading;

/// <summary>
/// What the user says of a file that it cannot say by itself — its encoding, the day/month order of its dates and the
/// decimal mark of its numbers — as the preview's choices, <c>import --encoding/--date-order/--decimal</c> and the
/// upload API take them; each null is decided from the file.
/// </summary>
/// <param name="Encoding">An encoding name (<c>windows-1256</c>), or null to detect it.</param>
/// <param name="DateOrder">The day/month order, or null to decide it from the file's dates.</param>
/// <param name="DecimalMark">The decimal mark, or null to decide it from the file's numbers.</param>
public sealed record ReadingChoices(string? Encoding = null, DateOrder? DateOrder = null, DecimalMark? DecimalMark = null)
{
    /// <summary>Nothing chosen: every convention decided from the file.</summary>
    public static ReadingChoices None { get; } = new();
}
