using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Funnel.Defined;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Domain;

/// <summary>
/// The one reader of a report's filters, for every surface: the pages' URL query, the API and export query, and the
/// command line's <c>report</c> options (the same names). Every key it is given is either understood or a problem,
/// and every value either parses or is a problem naming its key: nothing is ignored.
/// </summary>
public static class ReportFilters
{
    /// <summary>The query keys of the question (<see cref="FunnelQuery"/>), in the order links are written.</summary>
    public static IReadOnlyList<string> QueryKeys { get; } = ["from", "to", "device", "channel", "country", "breakdown", "mode", "scope", "window", "trend"];

    /// <summary>
    /// The key of a user-defined funnel's steps (<see cref="FunnelDefinitionText"/>): read only where the caller names it
    /// among its other keys (the funnel report and page), a problem elsewhere.
    /// </summary>
    public const string StepsKey = "steps";

    /// <summary>The key of a saved funnel's name, which the funnel report's callers look up among the store's saved funnels.</summary>
    public const string FunnelKey = "funnel";

    /// <summary>The keys of a report file's own options: the recovery list's length and the customers' inactivity threshold.</summary>
    public static IReadOnlyList<string> FileKeys { get; } = ["limit", "inactive-days", TableKey];

    /// <summary>The key of the table a CSV holds (the report's first by default; see <see cref="ReportFilter.Table"/>).</summary>
    public const string TableKey = "table";

    /// <summary>The earliest and latest days a range may name (the day after the latest must still be a date).</summary>
    public static readonly DateOnly FirstDay = new(1900, 1, 1), LastDay = new(9998, 12, 31);

    /// <summary>The largest number of inactive days a customers report takes (a century).</summary>
    public const int MaxInactiveDays = 36_500;

    /// <summary>
    /// Reads <paramref name="values"/> (key and value pairs; a key given twice is a problem) into the question about
    /// <paramref name="storeId"/>. Keys in <see cref="QueryKeys"/> are read; those in <paramref name="otherKeys"/> are
    /// left to the caller; any other key is a problem. An empty value is the same as no value.
    /// </summary>
    public static ReportFilter Parse(int storeId, IEnumerable<KeyValuePair<string, string?>> values, IEnumerable<string>? otherKeys = null)
    {
        var known = new HashSet<string>(QueryKeys.Concat(FileKeys).Concat(otherKeys ?? []), StringComparer.OrdinalIgnoreCase);
        var problems = new List<FilterProblem>();
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            if (!known.Contains(key))
            {
                problems.Add(new FilterProblem(key, value, $"'{key}' is not a filter; the filters are {string.Join(", ", QueryKeys)}."));
            }
            else if (given.ContainsKey(key))
            {
                problems.Add(new FilterProblem(key, value, $"'{key}' is given more than once."));
            }
            else if (!string.IsNullOrWhiteSpace(value))
            {
                given[key] = value.Trim();
            }
        }

        var reader = new ValueReader(given, problems);
        var query = new FunnelQuery(storeId)
        {
            From = reader.Day("from"),
            To = reader.Day("to"),
            Device = reader.Text("device"),
            Channel = reader.Text("channel"),
            Country = reader.Text("country"),
            Breakdown = reader.Choice<FunnelDimension>("breakdown"),
            Mode = reader.Choice<FunnelMode>("mode") ?? FunnelMode.Ordered,
            Scope = reader.Choice<FunnelScope>("scope") ?? FunnelScope.Session,
            WindowHours = reader.Count("window", StoreSettings.MaxConversionWindowHours),
            Trend = reader.Choice<TrendGranularity>("trend") ?? TrendGranularity.None,
            Steps = known.Contains(StepsKey) ? reader.Steps(StepsKey) : null,
        };
        if (query is { From: { } from, To: { } to } && to < from)
        {
            problems.Add(new FilterProblem("to", given["to"], $"'to' ({given["to"]}) is before 'from' ({given["from"]})."));
            query = query with { To = null };
        }

        return new ReportFilter(query, reader.Count("limit", int.MaxValue), reader.Count("inactive-days", MaxInactiveDays), problems,
            given.Where(p => !QueryKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase) && !FileKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)
                    && !p.Key.Equals(StepsKey, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value))
        {
            Table = reader.Text(TableKey)?.ToLowerInvariant(),
        };
    }

    private sealed class ValueReader(Dictionary<string, string> given, List<FilterProblem> problems)
    {
        public DateOnly? Day(string key) =>
            Read(key, text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= FirstDay && day <= LastDay
                ? day : (DateOnly?)null, $"a date as yyyy-MM-dd between {FirstDay:yyyy-MM-dd} and {LastDay:yyyy-MM-dd}");

        public string? Text(string key) => given.GetValueOrDefault(key);

        public FunnelDefinition? Steps(string key)
        {
            if (!given.TryGetValue(key, out var text))
            {
                return null;
            }

            var read = FunnelDefinition.Parse(text);
            if (read.Error is { } error)
            {
                problems.Add(new FilterProblem(key, text, $"'{key}': {error}"));
            }

            return read.Definition;
        }

        public T? Choice<T>(string key) where T : struct, Enum =>
            Read(key, text => Accepts<T>(text) ? Enum.Parse<T>(text, true) : (T?)null,
                "one of " + string.Join(", ", Names<T>()));

        public int? Count(string key, int max) =>
            Read(key, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max ? n : (int?)null,
                $"a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}");

        private T? Read<T>(string key, Func<string, T?> parse, string expected) where T : struct
        {
            if (!given.TryGetValue(key, out var text))
            {
                return null;
            }

            var value = parse(text);
            if (value is null)
            {
                problems.Add(new FilterProblem(key, text, $"'{key}' must be {expected}, not '{text}'."));
            }

            return value;
        }

        // A choice's accepted names: every named value but an enum's "None" (no trend is written by leaving the key out).
        private static IEnumerable<string> Names<T>() where T : struct, Enum =>
            Enum.GetNames<T>().Where(n => n != "None").Select(n => n.ToLowerInvariant());

        private static bool Accepts<T>(string text) where T : struct, Enum => Names<T>().Contains(text, StringComparer.OrdinalIgnoreCase);
    }
}
