namespace FunnelInsight.Tests.Web.Cli;

/// <summary>
/// Command line tests run one at a time: the command line reads its database from the process
/// environment (<c>ConnectionStrings__FunnelInsight</c>), which the tests set.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CommandLineTestGroup
{
    public const string Name = "Command line";
}
