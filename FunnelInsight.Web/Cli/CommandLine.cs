using FunnelInsight.Core.Import;
using FunnelInsight.Core.Stores;
using FunnelInsight.Web.Services;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// The command tool inside the web host: <c>dotnet run --project FunnelInsight.Web -- VERB …</c>.
/// Verbs use the same configuration and database as the dashboard.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import", "stores", "generate"];

    /// <summary>True when the arguments start with a command verb rather than host options.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs a verb; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        try
        {
            var command = CommandArguments.Parse(args);
            if (command.Verb.Equals("generate", StringComparison.OrdinalIgnoreCase))
            {
                // Generating files needs no database.
                return await GenerateCommand.RunAsync(command, output, cancellationToken);
            }

            var database = FunnelInsightConfiguration.Database(FunnelInsightConfiguration.Load());
            await database.MigrateAsync(cancellationToken);
            var stores = new StoreCatalog(database);
            return command.Verb.ToLowerInvariant() switch
            {
                "import" => await ImportCommand.RunAsync(command, stores, new ImportService(database), output, error, cancellationToken),
                _ => await StoresCommand.RunAsync(stores, output, cancellationToken),
            };
        }
        catch (CommandLineException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
