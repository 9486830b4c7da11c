using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class CommandGrammarTests
{
    [Fact]
    public void The_users_verb_reads_its_action_before_the_options()
    {
        var args = CommandGrammar.Read(["users", "add", "--email", "a@shop.test", "--role", "owner"]);

        Assert.Equal(("users", "add", "a@shop.test", "owner"), (args.Verb, args.Action, args.Get("email"), args.Get("role")));
        Assert.Equal("users add: --store is required.", Assert.Throws<CommandLineException>(() => args.Required("store")).Message);
    }

    [Fact]
    public void Report_takes_its_kind_as_the_action_before_the_options()
    {
        var parsed = CommandGrammar.Read(["report", "leaks", "--store", "shop", "--format", "csv"]);

        Assert.Equal(("report", "leaks", "shop", "csv"), (parsed.Verb, parsed.Action, parsed.Get("store"), parsed.Get("format")));
    }

    [Theory]
    [InlineData("import", "add", "--store", "x")]
    [InlineData("report", "funnel", "--store", "shop", "--devcie", "mobile")]
    [InlineData("report", "funnel", "--store", "shop", "--device")]
    [InlineData("report", "funnels", "--store", "shop")]
    [InlineData("users", "add", "--email")]
    public void An_unknown_option_a_missing_value_or_a_stray_word_is_a_mistake(params string[] args)
    {
        var ex = Assert.Throws<CommandLineException>(() => CommandGrammar.Read(args));

        Assert.Equal(2, ex.ExitCode);
        Assert.StartsWith($"{args[0]} ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("--help)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_filter_exits_2_instead_of_printing_an_unfiltered_report()
    {
        using var cli = new CommandLineRun();

        var misspelt = await cli.RunAsync("report", "funnel", "--store", "shop", "--devcie", "mobile");
        var noValue = await cli.RunAsync("report", "funnel", "--store", "shop", "--device");
        var badDate = await cli.RunAsync("report", "funnel", "--store", "shop", "--from", "2025-13-01");

        Assert.Equal((2, ""), (misspelt.Exit, misspelt.Output));
        Assert.Contains("'--devcie'", misspelt.Error, StringComparison.Ordinal);
        Assert.Equal((2, ""), (noValue.Exit, noValue.Output));
        Assert.Contains("--device", noValue.Error, StringComparison.Ordinal);
        Assert.Equal((2, "report: --from: 'from' must be a date as yyyy-MM-dd between 1900-01-01 and 9998-12-31, not '2025-13-01'."),
            (badDate.Exit, badDate.Error.TrimEnd()));
    }

    [Theory]
    [InlineData("import", "--events")]
    [InlineData("stores", "--token")]
    [InlineData("generate", "--months")]
    [InlineData("report funnel", "--inactive-days")]
    [InlineData("users add", "--role")]
    public async Task Every_verb_answers_help_with_its_options(string verb, string option)
    {
        using var cli = new CommandLineRun();

        var help = await cli.RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, help.Exit);
        Assert.Contains(option, help.Output, StringComparison.Ordinal);
        Assert.Contains("Usage:", help.Output, StringComparison.Ordinal);
    }
}
