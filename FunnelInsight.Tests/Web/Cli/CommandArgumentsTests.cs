using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class CommandArgumentsTests
{
    [Fact]
    public void The_users_verb_reads_its_action_before_the_options()
    {
        var args = CommandArguments.Parse(["users", "add", "--email", "a@shop.test", "--role", "owner"]);

        Assert.Equal(("users", "add", "a@shop.test", "owner"), (args.Verb, args.Action, args.Get("email"), args.Get("role")));
        Assert.Equal("users add: --store is required.", Assert.Throws<CommandLineException>(() => args.Required("store")).Message);
    }

    [Fact]
    public void Report_takes_its_kind_as_the_action_before_the_options()
    {
        var parsed = CommandArguments.Parse(["report", "leaks", "--store", "shop", "--format", "csv"]);

        Assert.Equal(("report", "leaks", "shop", "csv"), (parsed.Verb, parsed.Action, parsed.Get("store"), parsed.Get("format")));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("events.csv")]
    public void A_verb_without_actions_still_refuses_a_bare_word(string word)
    {
        var ex = Assert.Throws<CommandLineException>(() => CommandArguments.Parse(["import", word, "--store", "x"]));

        Assert.Equal($"Unexpected argument '{word}'.", ex.Message);
    }
}
