using System.Text.Json.Nodes;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// Compares a recorded JSON answer with a new one: every property and value the recorded answer holds must be in the
/// new one, equal (arrays element by element, of the same length); properties added since are allowed, so a document
/// that gains a field keeps matching while every recorded figure is still checked.
/// </summary>
internal static class JsonSubset
{
    /// <summary>The path of the first recorded value <paramref name="actual"/> lacks or differs in; null when it holds them all.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : path;
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return path;
                }

                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var other))
                    {
                        return $"{path}.{name} (missing)";
                    }

                    if (FirstDifference(value, other, $"{path}.{name}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    return $"{path} (length)";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (FirstDifference(expectedArray[i], actualArray[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return actual is JsonValue && JsonNode.DeepEquals(expected, actual) ? null : $"{path}: {expected.ToJsonString()} ≠ {actual?.ToJsonString() ?? "null"}";
        }
    }
}
