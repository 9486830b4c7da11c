using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class DeleteCommandTests : CommandLineRunTests
{
    private const string Header = "event_time,event_type,session_id\n";
    private const string January = Header + "2024-01-10T10:00:00Z,session_start,s1\n2024-01-10T10:01:00Z,view_item,s1\n2024-01-10T11:00:00Z,session_start,s2\n";
    private const string February = Header + "2024-02-10T10:00:00Z,session_start,s3\n2024-02-10T10:01:00Z,view_item,s3\n2024-02-10T10:02:00Z,add_to_cart,s3\n";

    [Fact]
    public async Task Delete_import_with_yes_takes_the_import_out_of_the_history_and_of_every_report()
    {
        var (january, _) = await ImportTwoAsync("Shop");
        Assert.Equal(new long[] { 3, 2, 1 }, await LandingProductCartAsync("Shop"));

        var run = await Cli.RunAsync("delete-import", "--store", "Shop", "--import", january.ToString(System.Globalization.CultureInfo.InvariantCulture), "--yes");

        Assert.Equal(0, run.Exit);
        Assert.Contains("january.csv, 3 rows stored", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(LastLine(run.Output));
        Assert.Equal(("import", 3L), (json.RootElement.GetProperty("deleted").GetString(), json.RootElement.GetProperty("eventsRemoved").GetInt64()));
        // February alone: s3 lands, views and carts.
        Assert.Equal(new long[] { 1, 1, 1 }, await LandingProductCartAsync("Shop"));
        Assert.Equal(["february.csv"], await ImportFilesAsync("Shop"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes\n")]
    [InlineData("999\n")]
    public async Task Delete_import_without_yes_deletes_nothing_unless_the_import_id_is_typed(string typed)
    {
        var (january, _) = await ImportTwoAsync("Shop");

        var run = await Cli.RunWithInputAsync(typed, "delete-import", "--store", "Shop", "--import", january.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, run.Exit);
        Assert.EndsWith("delete-import: not confirmed, nothing was deleted (type the import's id, or give --yes).", run.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(["february.csv", "january.csv"], await ImportFilesAsync("Shop"));
    }

    [Fact]
    public async Task Delete_import_goes_ahead_when_the_import_id_is_typed()
    {
        var (january, _) = await ImportTwoAsync("Shop");

        var run = await Cli.RunWithInputAsync($"{january}\n", "delete-import", "--store", "Shop", "--import", january.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, run.Exit);
        Assert.Equal(["february.csv"], await ImportFilesAsync("Shop"));
    }

    [Fact]
    public async Task Delete_import_of_an_id_the_store_does_not_have_says_so_with_exit_2()
    {
        await ImportTwoAsync("Shop");

        var run = await Cli.RunAsync("delete-import", "--store", "Shop", "--import", "999", "--yes");

        Assert.Equal((2, "delete-import: the store 'Shop' has no import 999 (see imports --store NAME)."), (run.Exit, run.Error.Trim()));
    }

    [Theory]
    [InlineData(StoreRole.Analyst, "This token's user has the Analyst role in 'Shop'; to delete the imports of it needs the Owner role.")]
    [InlineData(StoreRole.Marketer, "This token's user has the Marketer role in 'Shop'; to delete the imports of it needs the Owner role.")]
    public async Task Only_an_owner_token_deletes_an_import_of_a_store_with_members(StoreRole role, string refusal)
    {
        var (january, _) = await ImportTwoAsync("Shop");
        var member = await Cli.MemberTokenAsync("member@shop.test", "Shop", role);
        var owner = await Cli.MemberTokenAsync("owner@shop.test", "Shop", StoreRole.Owner);
        var id = january.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await Cli.RunAsync("delete-import", "--store", "Shop", "--import", id, "--yes", "--token", member);
        var operatorRun = await Cli.RunAsync("delete-import", "--store", "Shop", "--import", id, "--yes");
        var allowed = await Cli.RunAsync("delete-import", "--store", "Shop", "--import", id, "--yes", "--token", owner);

        Assert.Equal((3, refusal), (refused.Exit, refused.Error.Trim()));
        Assert.Equal(3, operatorRun.Exit);
        Assert.Equal(0, allowed.Exit);
        Assert.Equal(["february.csv"], await ImportFilesAsync("Shop", owner));
    }

    [Fact]
    public async Task Delete_store_names_what_goes_and_removes_the_store_for_its_owner_only()
    {
        await ImportTwoAsync("Shop");
        await ImportTwoAsync("Other");
        var analyst = await Cli.MemberTokenAsync("analyst@shop.test", "Shop", StoreRole.Analyst);
        var owner = await Cli.MemberTokenAsync("owner@shop.test", "Shop", StoreRole.Owner);

        var refused = await Cli.RunAsync("delete-store", "--store", "Shop", "--yes", "--token", analyst);
        var unconfirmed = await Cli.RunWithInputAsync("shop\n", "delete-store", "--store", "Shop", "--token", owner);
        var deleted = await Cli.RunWithInputAsync("Shop\n", "delete-store", "--store", "Shop", "--token", owner);

        Assert.Equal(3, refused.Exit);
        Assert.Equal(2, unconfirmed.Exit);
        Assert.Contains("deletes 'Shop' and everything in it: 6 events, 3 sessions, 0 orders", unconfirmed.Error, StringComparison.Ordinal);
        Assert.Equal(0, deleted.Exit);
        using var json = JsonDocument.Parse(LastLine(deleted.Output));
        Assert.Equal(("store", 6L), (json.RootElement.GetProperty("deleted").GetString(), json.RootElement.GetProperty("events").GetInt64()));
        var stores = await Cli.RunAsync("stores");
        Assert.DoesNotContain("\"Shop\"", stores.Output, StringComparison.Ordinal);
        Assert.Contains("\"Other\"", stores.Output, StringComparison.Ordinal);
        Assert.Equal(3, (await Cli.RunAsync("imports", "--store", "Shop", "--token", owner)).Exit);
    }

    [Fact]
    public async Task Delete_store_and_delete_import_have_help_that_names_yes()
    {
        foreach (var verb in new[] { "delete-store", "delete-import" })
        {
            var run = await Cli.RunAsync(verb, "--help");

            Assert.Equal(0, run.Exit);
            Assert.Contains("--yes", run.Output, StringComparison.Ordinal);
        }
    }

    private async Task<(int January, int February)> ImportTwoAsync(string store)
    {
        var january = Cli.WriteFile("january.csv", January);
        var february = Cli.WriteFile("february.csv", February);
        Assert.Equal(0, (await Cli.RunAsync("import", "--store", store, "--events", january)).Exit);
        Assert.Equal(0, (await Cli.RunAsync("import", "--store", store, "--events", february)).Exit);
        using var json = JsonDocument.Parse(LastLine((await Cli.RunAsync("imports", "--store", store)).Output));
        var ids = json.RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        return (ids[1], ids[0]);
    }

    private async Task<List<string?>> ImportFilesAsync(string store, string? token = null)
    {
        var run = await Cli.RunAsync(token is null ? ["imports", "--store", store] : ["imports", "--store", store, "--token", token]);
        using var json = JsonDocument.Parse(LastLine(run.Output));
        return [.. json.RootElement.EnumerateArray().Select(i => i.GetProperty("file").GetString())];
    }

    private async Task<long[]> LandingProductCartAsync(string store)
    {
        var run = await Cli.RunAsync("report", "funnel", "--store", store);
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Output);
        return [.. json.RootElement.GetProperty("stages").EnumerateArray().Take(3).Select(s => s.GetProperty("reached").GetInt64())];
    }
}
