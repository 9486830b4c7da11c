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
public sealed record ImportRequest(
    int StoreId,
    ImportKind Kind,
    string FilePath,
    string? FileName = null,
    string? Format = null,
    string? Mapping = null,
    string? Encoding = null);
