using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Core.Import;

/// <summary>What to import, and where.</summary>
/// <param name="StoreId">The store the rows go into.</param>
/// <param name="Kind">Events or orders.</param>
/// <param name="FilePath">The file on disk.</param>
/// <param name="FileName">The name the user knows it by (defaults to the file's own name).</param>
/// <param name="Format">A format name to use instead of detecting one from the header.</param>
/// <param name="Mapping">Column mapping overrides, as <c>field=column,field=column</c>.</param>
/// <param name="Encoding">The file's text encoding by name (<c>windows-1256</c>), instead of detecting it.</param>
/// <param name="DateOrder">The day/month order of the file's numeric dates, instead of deciding it from its values.</param>
/// <param name="DecimalMark">The decimal mark of the file's numbers, instead of deciding it from its values.</param>
public sealed record ImportRequest(
    int StoreId,
    ImportKind Kind,
    string FilePath,
    string? FileName = null,
    string? Format = null,
    string? Mapping = null,
    string? Encoding = null,
    Reading.DateOrder? DateOrder = null,
    Reading.DecimalMark? DecimalMark = null);
