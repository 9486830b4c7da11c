using System.Text.Json;

namespace FunnelInsight.Core.Reports;

/// <summary>Writes a report's JSON body: indented, camelCase, rates as fractions, null where a rate has no data.</summary>
public static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="document"/> as JSON to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(ReportDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        await JsonSerializer.SerializeAsync(output, document.Json, document.Json.GetType(), Options, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>The JSON text of <paramref name="document"/>.</summary>
    public static string ToText(ReportDocument document) => JsonSerializer.Serialize(document.Json, document.Json.GetType(), Options);
}
