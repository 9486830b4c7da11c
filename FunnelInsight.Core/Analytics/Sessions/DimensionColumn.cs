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

    // Each row's exact spelling (its index in _spellingList, plus one; 0 for "not set"), so that a table can be merged
    // with another and choose its spellings as a fresh load would. Past 65,534 spellings rows stop recording them.
    private readonly ushort[] _rowSpelling = new ushort[count];

    public readonly ushort[] Codes = new ushort[count];

    /// <summary>False once a row's spelling could not be recorded (more than 65,534 spellings): the column cannot be merged.</summary>
    public bool Mergeable { get; private set; } = true;

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

    /// <summary>Sets row <paramref name="row"/> to <paramref name="value"/>, or to "not set" when it is null.</summary>
    public void Set(int row, string? value)
    {
        if (value is null)
        {
            Codes[row] = 0;
            _rowSpelling[row] = 0;
        }
        else
        {
            Set(row, value.AsSpan());
        }
    }

    /// <summary>Sets row <paramref name="row"/> to <paramref name="value"/>; no allocation for a spelling already seen.</summary>
    public void Set(int row, ReadOnlySpan<char> value) => Count(row, SpellingOf(value));

    /// <summary>Sets row <paramref name="row"/> to the exact spelling row <paramref name="sourceRow"/> of <paramref name="source"/> has.</summary>
    /// <param name="row">The row of this column.</param>
    /// <param name="source">A column whose <see cref="Mergeable"/> is true.</param>
    /// <param name="sourceRow">The row of <paramref name="source"/>.</param>
    /// <param name="map">This column's spelling of each of <paramref name="source"/>'s (plus one; 0 not yet known), kept by the caller between rows.</param>
    public void CopyFrom(int row, DimensionColumn source, int sourceRow, ref int[] map)
    {
        var from = source._rowSpelling[sourceRow];
        if (from == 0)
        {
            Codes[row] = 0;
            _rowSpelling[row] = 0;
            return;
        }

        if (map.Length < source._spellingList.Count)
        {
            Array.Resize(ref map, source._spellingList.Count);
        }

        if (map[from - 1] == 0)
        {
            map[from - 1] = SpellingOf(source._spellingList[from - 1].Text) + 1;
        }

        Count(row, map[from - 1] - 1);
    }

    /// <summary>Reorders the rows by <paramref name="order"/> (new position → old position).</summary>
    public void Permute(int[] order)
    {
        SessionTable.Apply(Codes, order);
        SessionTable.Apply(_rowSpelling, order);
    }

    private void Count(int row, int spelling)
    {
        _spellingCounts[spelling]++;
        _stale = true;
        Codes[row] = _spellingList[spelling].Code;
        if (spelling < ushort.MaxValue)
        {
            _rowSpelling[row] = (ushort)(spelling + 1);
        }
        else
        {
            Mergeable = false;
        }
    }

    private int SpellingOf(ReadOnlySpan<char> value)
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

        return spelling;
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
