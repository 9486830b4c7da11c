namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>One text column (device, channel, country, last event name) as small codes; code 0 is "not set".</summary>
internal sealed class DimensionColumn(int count)
{
    private readonly Dictionary<string, ushort> _codes = new(StringComparer.Ordinal);
    private readonly List<string?> _values = [null];

    public readonly ushort[] Codes = new ushort[count];

    /// <summary>The values by code; index 0 is null (not set).</summary>
    public IReadOnlyList<string?> Values => _values;

    /// <summary>The code of <paramref name="value"/>, adding it when new; no allocation for a value already seen.</summary>
    public ushort Encode(ReadOnlySpan<char> value)
    {
        var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value, out var code))
        {
            // Past 65,535 distinct values the rest share the last code; real device/channel/country lists are far smaller.
            code = (ushort)Math.Min(_values.Count, ushort.MaxValue);
            var text = value.ToString();
            if (code == _values.Count)
            {
                _values.Add(text);
            }

            _codes[text] = code;
        }

        return code;
    }

    /// <summary>Which codes a filter value selects (case-insensitive); null when there is no filter.</summary>
    public bool[]? Matching(string? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var wanted = filter.Trim();
        var matches = new bool[_values.Count];
        for (var code = 1; code < _values.Count; code++)
        {
            matches[code] = string.Equals(_values[code], wanted, StringComparison.OrdinalIgnoreCase);
        }

        return matches;
    }
}
