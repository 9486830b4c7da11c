// Scaffolds an EF Core migration without the dotnet-ef tool:
//   dotnet run --project tools/FunnelInsight.MigrationTool -- <MigrationName>
//     for FunnelDbContext, written to FunnelInsight.Core/Storage/Migrations;
//   dotnet run --project tools/FunnelInsight.MigrationTool -- --accounts <MigrationName>
//     for the Identity tables (AccountsDbContext), written to FunnelInsight.Web/Accounts/Migrations.
using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

var (accounts, name) = args switch
{
    [var only] when !only.StartsWith("--", StringComparison.Ordinal) => (false, only),
    ["--accounts", var named] => (true, named),
    _ => (false, ""),
};
if (name.Length == 0)
{
    Console.Error.WriteLine("usage: FunnelInsight.MigrationTool [--accounts] <MigrationName>");
    return 2;
}

var repoRoot = FindRepoRoot(AppContext.BaseDirectory);
var database = new FunnelDatabase("Data Source=:memory:");
using DbContext context = accounts ? new AccountsDbContext(AccountsDatabase.Options(database)) : database.CreateContext();
var (project, subNamespace, folder) = accounts
    ? ("FunnelInsight.Web", "Accounts.Migrations", Path.Combine("Accounts", "Migrations"))
    : ("FunnelInsight.Core", "Storage.Migrations", Path.Combine("Storage", "Migrations"));

var services = new ServiceCollection()
    .AddEntityFrameworkDesignTimeServices()
    .AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // The SQLite provider's design-time services are internal API by name only.
new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001

using var provider = services.BuildServiceProvider();
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, project, subNamespace, "C#");
var files = scaffolder.Save(Path.Combine(repoRoot, project), migration, Path.Combine(repoRoot, project, folder));
Console.WriteLine(files.MigrationFile);
return 0;

static string FindRepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "FunnelInsight.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("FunnelInsight.sln not found above " + start);
}
