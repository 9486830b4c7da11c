using System.Globalization;

namespace FunnelInsight.Benchmarks;

/// <summary>
/// Sessions reaching landing … purchase, per breakdown label (null for a stage the store's data does not track): what
/// both engines must agree on exactly.
/// </summary>
internal sealed class StageCounts(IReadOnlyDictionary<string, long?[]> rows)
{
    /// <summary>The label of sessions with no device (the engine's breakdown label for an unset value).</summary>
    public const string NotSet = "(not set)";

    private static readonly string[] StageNames = ["landing", "product", "cart", "checkout", "purchase"];

    /// <summary>Reached counts (landing … purchase) by label.</summary>
    public IReadOnlyDictionary<string, long?[]> Rows { get; } = rows;

    /// <summary>Sessions landed over all labels.</summary>
    public long Landed => Rows.Values.Sum(r => r[0] ?? 0);

    /// <summary>
    /// Every difference between two engines' counts, one line each (<c>mobile cart: duckdb 2538, funnelinsight 2537</c>);
    /// empty when they agree exactly.
    /// </summary>
    public static IReadOnlyList<string> Differences(StageCounts duckDb, StageCounts funnelInsight)
    {
        var lines = new List<string>();
        foreach (var label in duckDb.Rows.Keys.Union(funnelInsight.Rows.Keys).Order(StringComparer.Ordinal))
        {
            var a = duckDb.Rows.GetValueOrDefault(label);
            var b = funnelInsight.Rows.GetValueOrDefault(label);
            for (var k = 0; k < StageNames.Length; k++)
            {
                if (a is null || b is null || a[k] != b[k])
                {
                    lines.Add($"{label} {StageNames[k]}: duckdb {Show(a, k)}, funnelinsight {Show(b, k)}");
                }
            }
        }

        return lines;
    }

    /// <summary>One line per label: <c>mobile 31547 17458 2538 1012 602</c>.</summary>
    public string ToText() => string.Join(Environment.NewLine,
        Rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key,-10} {string.Join(' ', r.Value.Select(v => (v?.ToString(CultureInfo.InvariantCulture) ?? "-").PadLeft(9)))}"));

    private static string Show(long?[]? row, int stage) =>
        row is null ? "(missing)" : row[stage]?.ToString(CultureInfo.InvariantCulture) ?? "(not tracked)";
}
