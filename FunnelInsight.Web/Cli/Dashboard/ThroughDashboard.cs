using FunnelInsight.Web.Instance;

namespace FunnelInsight.Web.Cli.Dashboard;

/// <summary>
/// The verbs that read or write events, run through the running dashboard's HTTP API: DuckDB lets one process open
/// the events file, and the dashboard has it. Each prints, writes and exits as it does on the files.
/// </summary>
internal static class ThroughDashboard
{
    /// <summary>True for a verb that goes through a running dashboard; the others (accounts, tokens, generate) need only the application database.</summary>
    public static bool Serves(string verb) => verb.ToLowerInvariant() is "import" or "imports" or "report" or "stores" or "delete-import" or "delete-store" or "settings";

    /// <summary>Runs <paramref name="command"/> through <paramref name="dashboard"/>; the exit code.</summary>
    public static async Task<int> RunAsync(CommandArguments command, DashboardInstance dashboard, TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var token = CommandAccess.Secret(command);
        using var client = new DashboardClient(dashboard, token);
        var access = new DashboardAccess(client, token is not null, StoreChoice.For(command));
        return command.Verb.ToLowerInvariant() switch
        {
            "import" => await ImportCommand.RunThroughAsync(command, access, client, output, error, cancellationToken),
            "imports" => await ImportsCommand.RunThroughAsync(command, access, client, output, cancellationToken),
            "report" => await ReportCommand.RunThroughAsync(command, access, client, output, cancellationToken),
            "delete-import" or "delete-store" => await DeleteCommand.RunThroughAsync(command, access, client, input, output, error, cancellationToken),
            "settings" => await SettingsCommand.RunThroughAsync(command, access, client, output, cancellationToken),
            _ => await StoresCommand.RunThroughAsync(access, output, cancellationToken),
        };
    }
}
