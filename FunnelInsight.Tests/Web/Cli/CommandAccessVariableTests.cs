using FunnelInsight.Web.Cli;
using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>Runs alone: the token variable is process-wide and would reach other command line tests.</summary>
[CollectionDefinition(nameof(CommandAccessVariableTests), DisableParallelization = true)]
[Collection(nameof(CommandAccessVariableTests))]
public sealed class CommandAccessVariableTests : CommandLineRunTests
{
    protected override void Dispose(bool disposing)
    {
        Environment.SetEnvironmentVariable(CommandAccess.TokenVariable, null);
        base.Dispose(disposing);
    }

    [Fact]
    public async Task The_token_is_read_from_FUNNELINSIGHT_TOKEN_when_no_option_gives_it()
    {
        var analyst = await Cli.MemberTokenAsync("analyst@shops.test", "Riyadh Oud", StoreRole.Analyst);
        var marketer = await Cli.MemberTokenAsync("marketer@shops.test", "Riyadh Oud", StoreRole.Marketer);

        Environment.SetEnvironmentVariable(CommandAccess.TokenVariable, analyst);
        var fromVariable = await Cli.RunAsync("report", "funnel", "--store", "Riyadh Oud");
        var optionWins = await Cli.RunAsync("report", "funnel", "--store", "Riyadh Oud", "--token", marketer);

        Assert.Equal((0, "landing"), (fromVariable.Exit, System.Text.Json.JsonDocument.Parse(fromVariable.Output).RootElement.GetProperty("stages")[0].GetProperty("stage").GetString()));
        Assert.Equal((3, ""), (optionWins.Exit, optionWins.Output));
        Assert.StartsWith("This token's user has the Marketer role", LastLine(optionWins.Error), StringComparison.Ordinal);
    }
}
