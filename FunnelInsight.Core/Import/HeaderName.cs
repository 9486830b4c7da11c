namespace FunnelInsight.Core.Import;

/// <summary>How header names are compared: trimmed, lower case, dots, spaces and dashes read as underscores.</summary>
public static class HeaderName
{
    /// <summary>The comparable form of a header name (<c>"Device.Category"</c> → <c>device_category</c>).</summary>
    public static string Normalize(string name) =>
        name.Trim().Trim('"').ToLowerInvariant().Replace('.', '_').Replace(' ', '_').Replace('-', '_');

    /// <summary>The index of the first header name among <paramref name="candidates"/>, or -1.</summary>
    public static int Find(IReadOnlyList<string> header, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            var wanted = Normalize(candidate);
            for (var i = 0; i < header.Count; i++)
            {
                if (Normalize(header[i]) == wanted)
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
