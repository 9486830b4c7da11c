using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class CommandAccessTests : CommandLineRunTests
{
    private Task<(int Exit, string Output, string Error)> ReportAsync(string store, params string[] token) =>
        Cli.RunAsync(["report", "funnel", "--store", store, .. token]);

    private Task<(int Exit, string Output, string Error)> ImportAsync(string store, params string[] token) =>
        Cli.RunAsync(["import", "--store", store, "--events", Fixture.Path("canonical-events.csv"), .. token]);

    private async Task<long> EventsOfAsync(string store) => (await new StoreCatalog(Cli.Database).ListAsync()).Single(s => s.Name == store).Events;

    [Fact]
    public async Task A_non_member_token_is_refused_with_exit_3_and_the_line_a_missing_store_gets()
    {
        await Cli.MemberTokenAsync("owner@shops.test", "Riyadh Oud", StoreRole.Owner);
        var stranger = await Cli.MemberTokenAsync("stranger@shops.test", "Casablanca Tea", StoreRole.Owner);

        var member = await ReportAsync("Riyadh Oud", "--token", stranger);
        var missing = await ReportAsync("Nowhere", "--token", stranger);

        Assert.Equal((3, "", "No store 'Riyadh Oud' that this token can report on."), (member.Exit, member.Output, LastLine(member.Error)));
        Assert.Equal((3, "", "No store 'Nowhere' that this token can report on."), (missing.Exit, missing.Output, LastLine(missing.Error)));
    }

    [Fact]
    public async Task A_revoked_owner_token_imports_nothing()
    {
        var token = await Cli.MemberTokenAsync("owner@shops.test", "Riyadh Oud", StoreRole.Owner);
        var tokens = new ApiTokens(Cli.Database);
        var record = (await tokens.AuthenticateAsync(token))!;
        await tokens.RevokeAsync(record.UserId, record.Id);

        var run = await ImportAsync("Riyadh Oud", "--token", token);

        Assert.Equal((3, "", "No store 'Riyadh Oud' that this token can import into."), (run.Exit, run.Output, LastLine(run.Error)));
        Assert.Equal(0, await EventsOfAsync("Riyadh Oud"));
    }

    [Fact]
    public async Task A_marketer_token_gets_no_report_and_is_told_the_role_needed()
    {
        var token = await Cli.MemberTokenAsync("marketer@shops.test", "Riyadh Oud", StoreRole.Marketer);

        var run = await ReportAsync("Riyadh Oud", "--token", token);

        Assert.Equal((3, ""), (run.Exit, run.Output));
        Assert.Equal("This token's user has the Marketer role in 'Riyadh Oud'; to report on it needs the Analyst role or higher.", LastLine(run.Error));
    }

    [Fact]
    public async Task An_analyst_token_cannot_import_but_reports_what_the_owner_token_imported()
    {
        var owner = await Cli.MemberTokenAsync("owner@shops.test", "Riyadh Oud", StoreRole.Owner);
        var analyst = await Cli.MemberTokenAsync("analyst@shops.test", "Riyadh Oud", StoreRole.Analyst);

        var refused = await ImportAsync("Riyadh Oud", "--token", analyst);
        var imported = await ImportAsync("Riyadh Oud", "--token", owner);
        var report = await ReportAsync("Riyadh Oud", "--token", analyst);

        Assert.Equal((3, "", "This token's user has the Analyst role in 'Riyadh Oud'; to import into it needs the Owner role."), (refused.Exit, refused.Output, LastLine(refused.Error)));
        Assert.Equal((0, 18), (imported.Exit, JsonDocument.Parse(LastLine(imported.Output)).RootElement.GetProperty("rowsStored").GetInt32()));
        Assert.Equal((0, 3), (report.Exit, JsonDocument.Parse(report.Output).RootElement.GetProperty("stages")[0].GetProperty("reached").GetInt32()));
    }

    [Fact]
    public async Task A_store_limited_token_reaches_only_its_store()
    {
        var token = await Cli.MemberTokenAsync("analyst@shops.test", "Riyadh Oud", StoreRole.Analyst, storeLimited: true);
        var userId = (await new ApiTokens(Cli.Database).AuthenticateAsync(token))!.UserId;
        var other = await new StoreCatalog(Cli.Database).GetOrCreateAsync("Casablanca Tea");
        await new StoreMemberships(Cli.Database).SetAsync(other.Id, userId, StoreRole.Owner);

        var run = await ReportAsync("Casablanca Tea", "--token", token);

        Assert.Equal((3, "", "No store 'Casablanca Tea' that this token can report on."), (run.Exit, run.Output, LastLine(run.Error)));
        Assert.Equal(0, (await ReportAsync("Riyadh Oud", "--token", token)).Exit);
    }

    [Fact]
    public async Task A_store_without_members_is_imported_and_reported_without_a_token_until_it_has_one()
    {
        var imported = await ImportAsync("Riyadh Oud");
        var report = await ReportAsync("Riyadh Oud");
        await Cli.MemberTokenAsync("owner@shops.test", "Riyadh Oud", StoreRole.Owner);
        var afterMember = await ReportAsync("Riyadh Oud");

        Assert.Equal((0, 0), (imported.Exit, report.Exit));
        Assert.Equal(3, JsonDocument.Parse(report.Output).RootElement.GetProperty("stages")[0].GetProperty("reached").GetInt32());
        Assert.Equal((3, ""), (afterMember.Exit, afterMember.Output));
        Assert.Equal("No store 'Riyadh Oud' that the command line can report on without a token (give --token or set FUNNELINSIGHT_TOKEN).", LastLine(afterMember.Error));
    }

    [Fact]
    public async Task Importing_into_a_new_store_with_a_token_makes_its_user_the_owner()
    {
        var token = await Cli.MemberTokenAsync("owner@shops.test", "Riyadh Oud", StoreRole.Owner);
        var userId = (await new ApiTokens(Cli.Database).AuthenticateAsync(token))!.UserId;

        var run = await ImportAsync("Tunis Dates", "--token", token);

        Assert.Equal(0, run.Exit);
        Assert.Equal(["Riyadh Oud/Owner", "Tunis Dates/Owner"], (await new StoreMemberships(Cli.Database).StoresOfAsync(userId)).Select(s => $"{s.StoreName}/{s.Role}"));
        Assert.Equal(18, await EventsOfAsync("Tunis Dates"));
    }

    [Fact]
    public async Task Stores_lists_member_less_stores_and_with_a_token_its_users_stores()
    {
        await ImportAsync("Free Shop");
        var mine = await Cli.MemberTokenAsync("mine@shops.test", "Mine", StoreRole.Marketer);
        await Cli.MemberTokenAsync("theirs@shops.test", "Theirs", StoreRole.Owner);

        var anonymous = await Cli.RunAsync("stores");
        var withToken = await Cli.RunAsync("stores", "--token", mine);
        var badToken = await Cli.RunAsync("stores", "--token", "fi_unknown");

        Assert.Equal(["Free Shop"], Names(anonymous.Output));
        Assert.Equal(["Free Shop", "Mine"], Names(withToken.Output));
        Assert.Equal((3, "", "stores: the token is unknown or revoked."), (badToken.Exit, badToken.Output, LastLine(badToken.Error)));
    }

    private static IEnumerable<string?> Names(string output) =>
        JsonDocument.Parse(LastLine(output)).RootElement.EnumerateArray().Select(s => s.GetProperty("name").GetString());
}
