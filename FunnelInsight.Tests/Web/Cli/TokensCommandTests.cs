namespace FunnelInsight.Tests.Web.Cli;

public sealed class TokensCommandTests
{
    [Fact]
    public async Task Tokens_create_prints_a_working_token_once_limited_to_the_store_given()
    {
        using var cli = new CommandLineRun();
        await cli.MemberTokenAsync("ci@shop.test", "Riyadh Oud", StoreRole.Analyst);

        var all = await cli.RunAsync("tokens", "create", "--email", "ci@shop.test", "--name", "nightly export");
        var limited = await cli.RunAsync("tokens", "create", "--email", "ci@shop.test", "--store", "Riyadh Oud");

        Assert.Equal(0, all.Exit);
        Assert.Equal(0, limited.Exit);
        var tokens = new ApiTokens(cli.Database);
        var first = await tokens.AuthenticateAsync(all.Output.Trim());
        var second = await tokens.AuthenticateAsync(limited.Output.Trim());
        Assert.NotNull(first);
        Assert.Null(first.StoreId);
        Assert.Equal("nightly export", (await tokens.ListAsync(first.UserId)).Single(t => t.Id == first.Id).Name);
        Assert.NotNull(second?.StoreId);
    }

    [Fact]
    public async Task Tokens_create_refuses_an_unknown_account_and_a_store_the_account_is_not_a_member_of()
    {
        using var cli = new CommandLineRun();
        await cli.MemberTokenAsync("ci@shop.test", "Riyadh Oud", StoreRole.Analyst);
        await cli.MemberTokenAsync("other@shop.test", "Casablanca Tea", StoreRole.Owner);

        var unknown = await cli.RunAsync("tokens", "create", "--email", "nobody@shop.test");
        var notMember = await cli.RunAsync("tokens", "create", "--email", "ci@shop.test", "--store", "Casablanca Tea");

        Assert.Equal((2, "", "tokens create: no account 'nobody@shop.test' (create it with users add)."), (unknown.Exit, unknown.Output, unknown.Error.TrimEnd()));
        Assert.Equal((3, "", "tokens create: 'ci@shop.test' is not a member of a store 'Casablanca Tea'."), (notMember.Exit, notMember.Output, notMember.Error.TrimEnd()));
    }
}
