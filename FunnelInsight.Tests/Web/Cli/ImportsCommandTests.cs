using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class ImportsCommandTests : CommandLineRunTests
{
    [Fact]
    public async Task Imports_lists_the_stores_history_newest_first_with_every_documented_field()
    {
        var bad = Cli.WriteFile("bad.csv", "event_time,event_type,session_id\n2025-01-01T00:00:00Z,session_start,S0\nnot-a-time,view_item,S1\n");
        var unreadable = Cli.WriteFile("unreadable.csv", "when,what\n2025-01-01,x\n");
        await Cli.RunAsync("import", "--store", "Shop", "--events", Fixture.Path("canonical-events.csv"));
        await Cli.RunAsync("import", "--store", "Shop", "--events", bad);
        await Cli.RunAsync("import", "--store", "Shop", "--events", unreadable);
        await Cli.RunAsync("import", "--store", "Other", "--orders", Fixture.Path("uci-orders.csv"));

        var run = await Cli.RunAsync("imports", "--store", "Shop");

        Assert.Equal((0, ""), (run.Exit, run.Error));
        using var json = JsonDocument.Parse(LastLine(run.Output));
        var imports = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["unreadable.csv", "bad.csv", "canonical-events.csv"], imports.Select(i => i.GetProperty("file").GetString()));
        Assert.Equal(
            ["id", "kind", "file", "format", "status", "rowsRead", "rowsStored", "rowsRejected", "rowsDuplicate", "warnings", "started", "finished", "message"],
            imports[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Failed", ""), (imports[0].GetProperty("status").GetString(), imports[0].GetProperty("format").GetString()));
        Assert.StartsWith("The columns (when, what) match no known event export", imports[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var second = imports[1];
        Assert.Equal(("events", "canonical", "Succeeded", 2L, 1L, 1L, 0L), (second.GetProperty("kind").GetString(), second.GetProperty("format").GetString(),
            second.GetProperty("status").GetString(), second.GetProperty("rowsRead").GetInt64(), second.GetProperty("rowsStored").GetInt64(),
            second.GetProperty("rowsRejected").GetInt64(), second.GetProperty("rowsDuplicate").GetInt64()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("message").ValueKind);
        Assert.True(second.GetProperty("finished").GetDateTime() >= second.GetProperty("started").GetDateTime());
        Assert.EndsWith("Z", second.GetProperty("started").GetString(), StringComparison.Ordinal);
        Assert.Equal((18L, 18L), (imports[2].GetProperty("rowsRead").GetInt64(), imports[2].GetProperty("rowsStored").GetInt64()));
        Assert.True(imports[0].GetProperty("id").GetInt32() > imports[1].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Imports_checks_access_as_report_does()
    {
        await Cli.RunAsync("import", "--store", "Shop", "--events", Fixture.Path("canonical-events.csv"));
        var marketer = await Cli.MemberTokenAsync("marketer@shop.example", "Shop", StoreRole.Marketer);
        var analyst = await Cli.MemberTokenAsync("analyst@shop.example", "Shop", StoreRole.Analyst);
        var outsider = await Cli.MemberTokenAsync("owner@elsewhere.example", "Elsewhere", StoreRole.Owner);

        var withoutToken = await Cli.RunAsync("imports", "--store", "Shop");
        var asMarketer = await Cli.RunAsync("imports", "--store", "Shop", "--token", marketer);
        var asOutsider = await Cli.RunAsync("imports", "--store", "Shop", "--token", outsider);
        var missing = await Cli.RunAsync("imports", "--store", "Nowhere", "--token", outsider);
        var asAnalyst = await Cli.RunAsync("imports", "--store", "Shop", "--token", analyst);

        Assert.Equal(3, withoutToken.Exit);
        Assert.Equal("", withoutToken.Output);
        Assert.Equal((3, "This token's user has the Marketer role in 'Shop'; to list the imports of it needs the Analyst role or higher."), (asMarketer.Exit, asMarketer.Error.Trim()));
        Assert.Equal((3, "No store 'Shop' that this token can list the imports of."), (asOutsider.Exit, asOutsider.Error.Trim()));
        Assert.Equal((3, "No store 'Nowhere' that this token can list the imports of."), (missing.Exit, missing.Error.Trim()));
        Assert.Equal(0, asAnalyst.Exit);
        Assert.Equal(1, JsonDocument.Parse(asAnalyst.Output).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Imports_without_a_store_says_what_to_give()
    {
        var run = await Cli.RunAsync("imports");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--store", run.Error, StringComparison.Ordinal);
    }
}
