using System.Text.Json;
using FunnelInsight.Core.Import;

namespace FunnelInsight.Web.Endpoints;

/// <summary>What the upload API answers about an import: its id, how it ended, and its row counts.</summary>
/// <param name="ImportId">The import's id (its error file, its deletion).</param>
/// <param name="Status">Succeeded, Cancelled or Failed.</param>
/// <param name="Message">Why it did not succeed, when it did not.</param>
/// <param name="Format">The format used.</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsStored">Rows stored as new events or order lines.</param>
/// <param name="RowsRejected">Rows that could not be read.</param>
/// <param name="RowsDuplicate">Rows the store already had.</param>
/// <param name="RowsUpdated">Order lines of known orders this export changed.</param>
/// <param name="RowsBlank">Blank rows passed over.</param>
/// <param name="Encoding">The text encoding the file was read in.</param>
public sealed record UploadedImport(int ImportId, string Status, string? Message, string Format, long RowsRead, long RowsStored, long RowsRejected,
    long RowsDuplicate, long RowsUpdated, long RowsBlank, string? Encoding)
{
    /// <summary>The answer for <paramref name="result"/>.</summary>
    public static UploadedImport From(ImportResult result) => new(result.ImportId, result.Status.ToString(), result.Message, result.Format, result.RowsRead,
        result.RowsStored, result.RowsRejected, result.RowsDuplicate, result.RowsUpdated, result.RowsBlank, result.Encoding);

    /// <summary>
    /// The same fields as a problem's extension members, camelCase as the JSON answer names them; the import's status is
    /// <c>importStatus</c> there, since a problem's <c>status</c> is its HTTP status.
    /// </summary>
    public IDictionary<string, object?> AsExtensions() =>
        JsonSerializer.SerializeToElement(this, JsonSerializerOptions.Web).EnumerateObject()
            .ToDictionary(p => p.Name == "status" ? "importStatus" : p.Name, p => (object?)p.Value);
}
