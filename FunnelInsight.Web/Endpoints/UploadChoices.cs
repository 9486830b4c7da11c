using FunnelInsight.Core.Import.Reading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// What the upload API's caller says of a file that it cannot say by itself — the query keys <c>encoding</c>,
/// <c>dateOrder</c> and <c>decimal</c>, read by Core as <c>import --encoding/--date-order/--decimal</c> are — and the
/// keys whose value is not understood, each with why: a bad value is a 400 naming its key, never ignored.
/// </summary>
/// <param name="DateOrder">The chosen day/month order, or null to decide it from the file.</param>
/// <param name="DecimalMark">The chosen decimal mark, or null to decide it from the file.</param>
/// <param name="Problems">Each key not understood, with its message; empty when all are.</param>
internal sealed record UploadChoices(DateOrder? DateOrder, DecimalMark? DecimalMark, IReadOnlyDictionary<string, string[]> Problems)
{
    /// <summary>Reads the three keys' values (null when absent).</summary>
    public static UploadChoices Read(string? encoding, string? dateOrder, string? decimalMark)
    {
        var problems = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(encoding))
        {
            Check("encoding", () => ExportEncoding.Named(encoding, default));
        }

        var order = Check("dateOrder", () => ReadingNames.ParseDateOrder(dateOrder));
        var mark = Check("decimal", () => ReadingNames.ParseDecimalMark(decimalMark));
        return new UploadChoices(order, mark, problems);

        T? Check<T>(string key, Func<T?> read)
        {
            try
            {
                return read();
            }
            catch (ImportFileException ex)
            {
                problems[key] = [$"{key}: {ex.Message}"];
                return default;
            }
        }
    }

    /// <summary>The 400 problem naming every key not understood; null when all are.</summary>
    public ValidationProblem? Problem => Problems.Count == 0
        ? null
        : TypedResults.ValidationProblem(Problems, detail: string.Join(" ", Problems.Values.SelectMany(m => m)),
            title: "The upload's options are not valid.");
}
