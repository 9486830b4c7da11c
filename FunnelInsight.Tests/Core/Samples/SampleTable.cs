namespace FunnelInsight.Tests.Core.Samples;

/// <summary>A generated file split into lines and fields (generated values never need CSV quoting).</summary>
internal sealed record SampleTable(string Header, IReadOnlyList<string[]> Rows)
{
    public static SampleTable Read(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new SampleTable(lines[0], lines.Skip(1).Select(line => line.Split(',')).ToList());
    }

    /// <summary>Event rows grouped by session (column 2).</summary>
    public IReadOnlyList<SampleSession> Sessions() =>
        Rows.GroupBy(r => r[2]).Select(g =>
        {
            var loads = g.Where(r => r[11].Length > 0).Select(r => double.Parse(r[11], CultureInfo.InvariantCulture)).ToList();
            var first = g.First();
            return new SampleSession(first[3], g.Select(r => r[1]).ToHashSet(), first[8], first[9], first[10],
                first[0][..7], loads.Count > 0 ? loads.Average() : 0);
        }).ToList();
}

/// <summary>One generated session: its visitor, event names, device, channel, country, month and mean page load.</summary>
internal sealed record SampleSession(
    string Visitor, HashSet<string> Events, string Device, string Channel, string Country, string Month, double AverageLoadMs);
