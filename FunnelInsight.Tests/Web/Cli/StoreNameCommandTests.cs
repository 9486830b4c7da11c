using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary><c>--store NAME</c> when two owners each have a store of that name.</summary>
public sealed class StoreNameCommandTests : CommandLineRunTests
{
    private const string Events = "event_time,event_type,session_id\n2024-01-10T10:00:00Z,session_start,s1\n";
    [Fact]
    public async Task Two_token_users_each_import_into_their_own_store_of_the_same_name()
    {
        var (a, b) = (await TokenAsync("a@shops.test"), await TokenAsync("b@shops.test"));
        var file = EventsFile();

        var intoA = await Cli.RunAsync("import", "--store", "Main store", "--events", file, "--token", a);
        var intoB = await Cli.RunAsync("import", "--store", "Main store", "--events", file, "--token", b);
        var againA = await Cli.RunAsync("import", "--store", "Main store", "--events", file, "--token", a);

        Assert.Equal((0, 0, 0), (intoA.Exit, intoB.Exit, againA.Exit));
        var stores = await new StoreCatalog(Cli.Database).FindAllAsync("Main store");
        Assert.Equal(2, stores.Count);
        Assert.NotEqual(stores[0].OwnerId, stores[1].OwnerId);
        Assert.Equal(1L, JsonDocument.Parse(LastLine(againA.Output)).RootElement.GetProperty("rowsDuplicate").GetInt64());
        var listA = await Cli.RunAsync("stores", "--token", a);
        Assert.Single(JsonDocument.Parse(LastLine(listA.Output)).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task The_operator_without_a_token_is_told_to_choose_with_owner_or_store_id_when_a_name_is_shared()
    {
        var (a, b) = (await TokenAsync("a@shops.test"), await TokenAsync("b@shops.test"));
        var file = EventsFile();
        await Cli.RunAsync("import", "--store", "Main store", "--events", file, "--token", a);
        await Cli.RunAsync("import", "--store", "Main store", "--events", file, "--token", b);
        var ids = (await new StoreCatalog(Cli.Database).FindAllAsync("Main store")).Select(s => s.Id).ToList();

        var ambiguous = await Cli.RunWithInputAsync("", "users", "add", "--email", "a@shops.test", "--store", "Main store", "--role", "analyst");
        var byOwner = await Cli.RunWithInputAsync("", "users", "add", "--email", "b@shops.test", "--store", "Main store", "--owner", "a@shops.test", "--role", "analyst");
        var byId = await Cli.RunWithInputAsync("", "users", "add", "--email", "a@shops.test", "--store", "Main store", "--store-id", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--role", "analyst");
        var unknownOwner = await Cli.RunAsync("imports", "--store", "Main store", "--owner", "nobody@shops.test");

        Assert.Equal((2, $"users add: 'Main store' names 2 stores (ids {ids[0]}, {ids[1]}); say which with --store-id ID or --owner EMAIL."), (ambiguous.Exit, ambiguous.Error.Trim()));
        Assert.Equal(0, byOwner.Exit);
        Assert.Equal(ids[0], JsonDocument.Parse(LastLine(byOwner.Output)).RootElement.GetProperty("storeId").GetInt32());
        Assert.Equal(0, byId.Exit);
        Assert.Equal(ids[1], JsonDocument.Parse(LastLine(byId.Output)).RootElement.GetProperty("storeId").GetInt32());
        Assert.Equal((2, "--owner: there is no account 'nobody@shops.test'."), (unknownOwner.Exit, unknownOwner.Error.Trim()));
    }

    [Fact]
    public async Task A_token_user_who_belongs_to_two_stores_of_the_same_name_chooses_with_store_id()
    {
        var (a, b) = (await TokenAsync("a@shops.test"), await TokenAsync("b@shops.test"));
        var file = EventsFile();
        await Cli.RunAsync("import", "--store", "Main store", "--events", file, "--token", a);
        await Cli.RunAsync("import", "--store", "Main store", "--events", file, "--token", b);
        var ids = (await new StoreCatalog(Cli.Database).FindAllAsync("Main store")).Select(s => s.Id).ToList();
        await Cli.RunWithInputAsync("", "users", "add", "--email", "a@shops.test", "--store", "Main store", "--store-id", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--role", "analyst");

        var ambiguous = await Cli.RunAsync("imports", "--store", "Main store", "--token", a);
        var chosen = await Cli.RunAsync("imports", "--store", "Main store", "--store-id", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--token", a);
        var otherToken = await Cli.RunAsync("imports", "--store", "Main store", "--token", b);

        Assert.Equal((2, $"imports: 'Main store' names 2 stores (ids {ids[0]}, {ids[1]}); say which with --store-id ID."), (ambiguous.Exit, ambiguous.Error.Trim()));
        Assert.Equal(0, chosen.Exit);
        Assert.Equal(0, otherToken.Exit);
    }

    private async Task<string> TokenAsync(string email)
    {
        await Cli.RunAsync("stores");
        var userId = await TestAccounts.CreateUserAsync(Cli.Database, email);
        return (await new ApiTokens(Cli.Database).CreateAsync(userId, "command line")).Secret;
    }

    private string EventsFile() => Cli.WriteFile("events.csv", Events);
}
