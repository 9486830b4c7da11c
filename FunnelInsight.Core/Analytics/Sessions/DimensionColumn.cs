namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>
/// One text column (device, channel, country, last event name) as small codes; code 0 is "not set". Values are grouped
/// without case, as the filters match them: "Mobile" and "mobile" are one code, shown with the spelling most sessions
/// carry (ties: the first in ordinal order).
/// </summary>
internal sealed class DimensionColumn(int count)
{
    private readonly Dictionary<string, ushort> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _spellings = new(StringComparer.Ordinal);
    private readonly List<(string Text, ushort Code)> _spellingList = [];
    private readonly List<long> _spellingCounts = [];
    private readonly List<string?> _values = [null];
    private volatile bool _stale;

    public readonly ushort[] Codes = new ushort[count];

    /// <summary>The values by code, each in its most frequent spelling; index 0 is null (not set).</summary>
    public IReadOnlyList<string?> Values
    {
        get
        {
            // Chosen once the counts are in (the table is read by many queries at once after its load).
            if (_stale)
            {
                lock (_values)
                {
                    if (_stale)
                    {
                        ChooseSpellings();
                    }
                }
            }

            return _values;
        }
    }

    /// <summary>The code of <paramref name="value"/>, adding it when new; no allocation for a spelling already seen.</summary>
    public ushort Encode(ReadOnlySpan<char> value)
    {
        var exact = _spellings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!exact.TryGetValue(value, out var spelling))
        {
            var text = value.ToString();
            if (!_codes.TryGetValue(text, out var code))
            {
                // Past 65,535 distinct values the rest share the last code; real device/channel/country lists are far smaller.
                code = (ushort)Math.Min(_values.Count, ushort.MaxValue);
                if (code == _values.Count)
                {
                    _values.Add(text);
                }

                _codes[text] = code;
            }

            spelling = _spellingList.Count;
            _spellings[text] = spelling;
            _spellingList.Add((text, code));
            _spellingCounts.Add(0);
        }

        _spellingCounts[spelling]++;
        _stale = true;
        return _spellingList[spelling].Code;
    }

    /// <summary>Which codes a filter value selects (case-insensitive); null when there is no filter.</summary>
    public bool[]? Matching(string? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var wanted = filter.Trim();
        var values = Values;
        var matches = new bool[values.Count];
        for (var code = 1; code < values.Count; code++)
        {
            matches[code] = string.Equals(values[code], wanted, StringComparison.OrdinalIgnoreCase);
        }

        return matches;
    }

    /// <summary>The spellings stored under the codes a filter value selects (the same codes as <see cref="Matching"/>).</summary>
    public IReadOnlyList<string> Spellings(string filter)
    {
        var matching = Matching(filter)!;
        return _spellingList.Where(s => matching[s.Code]).Select(s => s.Text).ToList();
    }

    /// <summary>The code of a stored spelling; 0 (not set) for null or a spelling never encoded.</summary>
    public ushort CodeOf(string? spelling) => spelling is not null && _codes.TryGetValue(spelling, out var code) ? code : (ushort)0;

    private void ChooseSpellings()
    {
        var best = new long[_values.Count];
        for (var s = 0; s < _spellingList.Count; s++)
        {
            var (text, code) = _spellingList[s];
            var n = _spellingCounts[s];
            if (n > best[code] || (n == best[code] && string.CompareOrdinal(text, _values[code]) < 0))
            {
                (best[code], _values[code]) = (n, text);
            }
        }

        _stale = false;
    }
}
