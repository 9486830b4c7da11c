using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Core.Import;

/// <summary>
/// How an import picks its export layout, the same for events and orders: the format named by <c>--format</c> (an
/// unknown name is refused with the names known), else the one the header shows, else the custom layout when a column
/// mapping is given; a header no format fits, without a mapping, is refused.
/// </summary>
/// <param name="All">The formats, in the order detection tries them.</param>
/// <param name="Name">A format's short name, by which <c>--format</c> names it (without case).</param>
/// <param name="Detect">The format a header shows, or null.</param>
/// <param name="Custom">The layout a column mapping describes.</param>
/// <param name="UnknownFormat">The reason given for a name no format has.</param>
/// <param name="UnknownLayout">The reason given for a header no format fits.</param>
internal sealed record FormatChoice<TFormat>(
    IReadOnlyList<TFormat> All,
    Func<TFormat, string> Name,
    Func<IReadOnlyList<string>, TFormat?> Detect,
    TFormat Custom,
    ImportReasonCode UnknownFormat,
    ImportReasonCode UnknownLayout)
    where TFormat : class
{
    /// <summary>The format to read a file with <paramref name="header"/> in; throws <see cref="ImportFileException"/> when there is none.</summary>
    public TFormat Choose(IReadOnlyList<string> header, string? formatName, string? mappingText)
    {
        if (!string.IsNullOrWhiteSpace(formatName))
        {
            return All.FirstOrDefault(format => Name(format).Equals(formatName.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportFileException(ImportReason.Of(UnknownFormat, ExportText.Cut(formatName), string.Join(", ", All.Select(Name))));
        }

        return Detect(header)
            ?? (string.IsNullOrWhiteSpace(mappingText)
                ? throw new ImportFileException(ImportReason.Of(UnknownLayout, ExportText.Columns(header)))
                : Custom);
    }
}
