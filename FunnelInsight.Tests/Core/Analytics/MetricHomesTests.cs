namespace FunnelInsight.Tests.Core.Analytics;

public sealed partial class MetricHomesTests
{
    [Fact]
    public void Every_type_the_readme_names_as_a_figures_home_exists_in_core_under_that_folder()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("### Where each number is computed", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n#", 1, StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Figure", StringComparison.Ordinal)).ToList();
        var core = typeof(IFunnelAnalytics).Assembly.GetTypes();
        var named = new List<string>();
        foreach (var row in rows)
        {
            var home = row.Split('|')[2];
            var folder = "";
            foreach (Match name in TypeName().Matches(home))
            {
                var path = name.Groups[1].Value;
                folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : folder;
                var typeName = path[(path.LastIndexOf('/') + 1)..];
                var expected = "FunnelInsight.Core." + folder.Replace('/', '.') + "." + typeName;
                Assert.True(core.Any(t => t.FullName == expected), $"README names {expected} as a figure's home; Core has no such type.");
                named.Add(expected);
            }
        }

        Assert.True(named.Count >= 16, $"only {named.Count} homes read from the README's table");
    }

    [GeneratedRegex("`([A-Za-z/]+)`")]
    private static partial Regex TypeName();
}
