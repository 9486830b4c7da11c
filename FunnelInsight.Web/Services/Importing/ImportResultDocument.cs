using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// An import's result as JSON, the one shape that <c>import</c> on the command line prints and the upload API answers:
/// its counts (rows rejected, and <c>warnings</c>: optional values that could not be read, their rows kept), the first
/// row errors and field warnings, and how the file was read (encoding, date order, decimal mark), each with how it was decided
/// (<c>detected</c>, <c>assumed</c> when the file could not tell, or <c>chosen</c>). Reasons are English, each with its
/// code (<c>code</c>, <c>messageCode</c>), which the dashboard words in the user's language.
/// </summary>
internal sealed record ImportResultDocument(
    int ImportId,
    string Status,
    string? Message,
    string Format,
    string Mapping,
    long RowsRead,
    long RowsStored,
    long RowsRejected,
    long RowsDuplicate,
    long Warnings,
    long RowsUpdated,
    long RowsBlank,
    string? Encoding,
    string? EncodingSource,
    string? DateOrder,
    string? DateOrderSource,
    string? DecimalMark,
    string? DecimalMarkSource,
    IReadOnlyList<ImportResultDocument.Error> Errors,
    IReadOnlyList<ImportResultDocument.Error> FieldWarnings,
    string? MessageCode = null)
{
    /// <summary>How many row errors, and how many warnings, the document lists (all are in the import's error file).</summary>
    public const int ErrorsShown = 20;

    /// <summary>Written as the API writes JSON: camelCase names.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The document of <paramref name="result"/>.</summary>
    public static ImportResultDocument Of(ImportResult result) => new(
        result.ImportId,
        result.Status.ToString(),
        result.Message,
        result.Format,
        result.Mapping,
        result.RowsRead,
        result.RowsStored,
        result.RowsRejected,
        result.RowsDuplicate,
        result.Warnings,
        result.RowsUpdated,
        result.RowsBlank,
        result.Encoding,
        result.Encoding is null ? null : result.EncodingSource.Name(),
        result.Conventions?.DateOrder.Name(),
        result.Conventions?.DateOrderSource.Name(),
        result.Conventions?.DecimalMark.Name(),
        result.Conventions?.DecimalMarkSource.Name(),
        [.. result.Errors.Take(ErrorsShown).Select(Error.Of)],
        [.. result.FirstWarnings.Take(ErrorsShown).Select(Error.Of)],
        result.MessageReason is { } reason ? CodeName(reason) : null);

    // The reason's code as JSON names it (unparseableTime, columnCount…): stable for scripts, whatever the wording.
    private static string CodeName(ImportReason reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.Code.ToString());

    /// <summary>
    /// The same fields as a problem's extension members (a failed upload's 422), named as the JSON answer names them;
    /// the import's status is <c>importStatus</c> there, since a problem's <c>status</c> is its HTTP status.
    /// </summary>
    public IDictionary<string, object?> AsExtensions() =>
        JsonSerializer.SerializeToElement(this, Json).EnumerateObject().ToDictionary(p => p.Name == "status" ? "importStatus" : p.Name, p => (object?)p.Value);

    /// <summary>One row error or warning: its line, column (null for the whole row), reason (English) and the reason's code.</summary>
    internal sealed record Error(long Line, string? Column, string Reason, string Code)
    {
        /// <summary>The entry of <paramref name="error"/>.</summary>
        public static Error Of(RowError error) => new(error.Line, error.Column, error.Reason, CodeName(error.Cause));
    }
}
