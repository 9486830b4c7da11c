using FunnelInsight.Core.Import;
using FunnelInsight.Core.Stores;
using FunnelInsight.Web.Accounts;
using FunnelInsight.Web.Services;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// The command tool inside the web host: <c>dotnet run --project FunnelInsight.Web -- VERB …</c>.
/// Verbs use the same configuration and database as the dashboard.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import", "stores", "users"];

    /// <summary>True when the arguments start with a command verb rather than host options.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs a verb with the console's standard input; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, Console.In, output, error, cancellationToken);

    /// <summary>Runs a verb; returns the process exit code. <paramref name="input"/> gives passwords (<c>users add</c>).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = FunnelInsightConfiguration.Database(FunnelInsightConfiguration.Load());
            await database.MigrateAsync(cancellationToken);
            await AccountsDatabase.MigrateAsync(database, cancellationToken);
            var stores = new StoreCatalog(database);
            return args[0].ToLowerInvariant() switch
            {
                "import" => await ImportCommand.RunAsync(CommandArguments.Parse(args), stores, new ImportService(database), output, error, cancellationToken),
                "users" => await UsersCommand.RunAsync(args, database, input, output, error, cancellationToken),
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
