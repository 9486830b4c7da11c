using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>The JSON text of <paramref name="document"/>.</summary>
    public static string ToText(ReportDocument document) => JsonSerializer.Serialize(Body(document), Options);

    // The report's own fields, after a "meta" object saying what it is of when that is known.
    private static JsonNode Body(ReportDocument document)
    {
        var report = JsonSerializer.SerializeToNode(document.Json, document.Json.GetType(), Options)!;
        if (document.About is not { } about || report is not JsonObject fields)
        {
            return report;
        }

        var body = new JsonObject { ["meta"] = JsonSerializer.SerializeToNode(about.Json(), Options) };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            body[name] = value;
        }

        return body;
    }
}
