using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>
/// Runs the real command line in-process against a database of its own, given the ASP.NET way
/// (<c>ConnectionStrings__FunnelInsight</c> in the environment), as a user's shell would.
/// </summary>
internal sealed class CommandLineRun : IDisposable
{
    private const string Variable = "ConnectionStrings__FunnelInsight";
    private readonly string? _previous = Environment.GetEnvironmentVariable(Variable);

    public CommandLineRun()
    {
        Directory.CreateDirectory(Folder);
        Environment.SetEnvironmentVariable(Variable, $"Data Source={Path.Combine(Folder, "cli.db")}");
    }

    /// <summary>A temporary folder for the database and the files a test writes.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Runs one command; returns its exit code, stdout and stderr.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The last line of <paramref name="text"/>.</summary>
    public static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, _previous);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
