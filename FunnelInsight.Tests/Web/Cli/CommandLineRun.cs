using FunnelInsight.Web.Cli;
using Microsoft.Extensions.Configuration;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary>Runs the real command line in-process against a database of its own in a temporary folder.</summary>
internal sealed class CommandLineRun : IDisposable
{
    private readonly IConfiguration _configuration;

    /// <param name="settings">Settings besides the database's, as <c>Section:Key</c> and value.</param>
    public CommandLineRun(params (string Key, string Value)[] settings)
    {
        Directory.CreateDirectory(Folder);
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:FunnelInsight", ConnectionString), .. settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))])
            .Build();
    }

    /// <summary>A temporary folder for the database and the files a test writes.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "funnelinsight-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The connection string of the run's database.</summary>
    public string ConnectionString => $"Data Source={Path.Combine(Folder, "cli.db")}";

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to a file named <paramref name="name"/> in <see cref="Folder"/> and returns its path.</summary>
    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The run's database, for arranging accounts and memberships.</summary>
    public FunnelDatabase Database => new(ConnectionString);

    /// <summary>
    /// A new account with <paramref name="role"/> in <paramref name="store"/> (created if needed) and a personal API token for it,
    /// limited to that store when <paramref name="storeLimited"/>; returns the token.
    /// </summary>
    public async Task<string> MemberTokenAsync(string email, string store, StoreRole role, bool storeLimited = false)
    {
        await RunAsync("stores");
        var userId = await TestAccounts.CreateUserAsync(Database, email);
        var storeId = (await new FunnelInsight.Core.Stores.StoreCatalog(Database).GetOrCreateAsync(store)).Id;
        await new StoreMemberships(Database).SetAsync(storeId, userId, role);
        return (await new ApiTokens(Database).CreateAsync(userId, "command line", storeLimited ? storeId : null)).Secret;
    }

    /// <summary>The last line of <paramref name="text"/>.</summary>
    public static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    /// <summary>Runs one command; returns its exit code, stdout and stderr.</summary>
    public Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs one command with <paramref name="stdin"/> as its standard input; returns its exit code, stdout and stderr.</summary>
    public async Task<(int Exit, string Output, string Error)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var exit = await CommandLine.RunAsync(args, output, error, _configuration, input);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
