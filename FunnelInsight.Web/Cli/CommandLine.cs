using System.CommandLine;
using System.CommandLine.Help;
using FunnelInsight.Web.Services.Reports;
using System.Data.Common;
using FunnelInsight.Web.Cli.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// The command tool inside the web host: <c>dotnet run --project FunnelInsight.Web -- VERB …</c>.
/// Verbs use the same configuration and database as the dashboard.
/// </summary>
public static class CommandLine
{
    /// <summary>The exit code of a verb stopped by Ctrl-C or SIGTERM.</summary>
    public const int Cancelled = 130;

    // How long a start waits for the write lock to mark dead imports; a long import elsewhere leaves them for the next start.
    private static readonly TimeSpan SweepWait = TimeSpan.FromSeconds(1);

    /// <summary>True when the arguments start with a command verb rather than host options.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && CommandGrammar.Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs a verb; returns the process exit code.</summary>
    /// <param name="args">The verb and its options.</param>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where progress and one-line failures go (stderr).</param>
    /// <param name="configuration">The settings to use; by default appsettings.json and the environment, as the dashboard reads them.</param>
    /// <param name="input">Where passwords are read (<c>users add</c>); by default the console's standard input.</param>
    /// <param name="cancellationToken">Stops a long import or generation.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null, TextReader? input = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = CommandGrammar.Parse(args);
        if (parsed.Action is HelpAction)
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        if (CommandGrammar.Mistake(parsed, args) is { } mistake)
        {
            await error.WriteLineAsync(mistake);
            return 2;
        }

        try
        {
            var command = CommandGrammar.Arguments(parsed);
            if (command.Verb.Equals("generate", StringComparison.OrdinalIgnoreCase))
            {
                // Generating files needs no database.
                return await GenerateCommand.RunAsync(command, output, cancellationToken);
            }

            var database = FunnelInsightConfiguration.Database(configuration ?? FunnelInsightConfiguration.Load());
            if (await RunningDashboard.FindAsync(database, cancellationToken) is { } dashboard)
            {
                // The dashboard holds the events file: verbs that read or write events go through its API. Its start
                // migrated the database and marked dead imports; the other verbs only touch the application database.
                if (ThroughDashboard.Serves(command.Verb))
                {
                    return await ThroughDashboard.RunAsync(command, dashboard, input ?? Console.In, output, error, cancellationToken);
                }
            }
            else
            {
                await database.MigrateAsync(cancellationToken);
                await AccountsDatabase.MigrateAsync(database, cancellationToken);
                // Imports whose process was killed: marked interrupted and their files removed, whatever the verb.
                await new InterruptedImports(database).SweepAsync(SweepWait, cancellationToken);
            }

            var access = CommandAccess.For(command, database);
            return command.Verb.ToLowerInvariant() switch
            {
                "imports" => await ImportsCommand.RunAsync(command, access, database, output, cancellationToken),
                "import" => await ImportCommand.RunAsync(command, access, database, output, error, cancellationToken),
                "report" => await ReportCommand.RunAsync(command, access, new ReportExporter(new FunnelAnalytics(database), new StoreSettingsService(database), database), new SavedFunnels(database), output, cancellationToken),
                "users" => await UsersCommand.RunAsync(command, database, input ?? Console.In, output, error, cancellationToken),
                "tokens" => await TokensCommand.RunAsync(command, database, output, cancellationToken),
                "delete-import" or "delete-store" => await DeleteCommand.RunAsync(command, access, database, input ?? Console.In, output, error, cancellationToken),
                "settings" => await SettingsCommand.RunAsync(command, access, new StoreSettingsService(database), output, cancellationToken),
                _ => await StoresCommand.RunAsync(access, output, cancellationToken),
            };
        }
        catch (CommandLineException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"{args[0]}: cancelled.");
            return Cancelled;
        }
        catch (DashboardProblemException ex)
        {
            // A refusal the verb does not word itself (a store deleted meanwhile, a fault of the dashboard's): its words, one line.
            await error.WriteLineAsync($"{args[0]}: the running dashboard answered {ex.Status}: {ex.Message}");
            return ex.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound ? CommandLineException.Refused : 1;
        }
        catch (HttpRequestException ex)
        {
            // The dashboard stopped answering mid-way (stopped, or killed): what it had not finished, it has not stored.
            await error.WriteLineAsync($"{args[0]}: the running dashboard stopped answering: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            // The database itself failed (held by another writer past the timeout, full, read-only; the events file held
            // by a process that is not a dashboard this command can find): one line, never a stack trace or EF Core's
            // "see the inner exception".
            await error.WriteLineAsync($"{args[0]}: the database cannot be used: {ex.GetBaseException().Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder or file the command cannot write (generate --out, import --errors): one line, not a stack trace.
            await error.WriteLineAsync($"{args[0]}: {ex.Message}");
            return 1;
        }
    }
}
