using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Stores;
using FunnelInsight.Web.Services;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// The command tool inside the web host: <c>dotnet run --project FunnelInsight.Web -- VERB …</c>.
/// Verbs use the same configuration and database as the dashboard.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import", "stores", "generate", "report"];

    /// <summary>True when the arguments start with a command verb rather than host options.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs a verb; returns the process exit code.</summary>
    /// <param name="args">The verb and its options.</param>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where progress and one-line failures go (stderr).</param>
    /// <param name="configuration">The settings to use; by default appsettings.json and the environment, as the dashboard reads them.</param>
    /// <param name="cancellationToken">Stops a long import or generation.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        try
        {
            // A report's first argument is its kind (funnel, leaks, …), which the option parser does not take.
            var isReport = args.Length > 0 && args[0].Equals("report", StringComparison.OrdinalIgnoreCase);
            var command = isReport ? null : CommandArguments.Parse(args);
            if (command is not null && command.Verb.Equals("generate", StringComparison.OrdinalIgnoreCase))
            {
                // Generating files needs no database.
                return await GenerateCommand.RunAsync(command, output, cancellationToken);
            }

            var database = FunnelInsightConfiguration.Database(configuration ?? FunnelInsightConfiguration.Load());
            await database.MigrateAsync(cancellationToken);
            var stores = new StoreCatalog(database);
            if (command is null)
            {
                return await ReportCommand.RunAsync(args, stores, new SqliteFunnelAnalytics(database), output, cancellationToken);
            }

            return command.Verb.ToLowerInvariant() switch
            {
                "import" => await ImportCommand.RunAsync(command, stores, database, output, error, cancellationToken),
                _ => await StoresCommand.RunAsync(stores, output, cancellationToken),
            };
        }
        catch (CommandLineException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder or file the command cannot write (generate --out, import --errors): one line, not a stack trace.
            await error.WriteLineAsync($"{args[0]}: {ex.Message}");
            return 1;
        }
    }
}
