// Scaffolds an EF Core migration without the dotnet-ef tool, and writes the compiled model the application starts from:
//   dotnet run --project tools/FunnelInsight.MigrationTool -- <MigrationName>
//     for FunnelDbContext, written to FunnelInsight.Core/Storage/Migrations;
//   dotnet run --project tools/FunnelInsight.MigrationTool -- --accounts <MigrationName>
//     for the Identity tables (AccountsDbContext), written to FunnelInsight.Web/Accounts/Migrations;
//   dotnet run --project tools/FunnelInsight.MigrationTool -- --compiled-models
//     only the compiled models of both contexts again (FunnelInsight.Core/Storage/CompiledModels,
//     FunnelInsight.Web/Accounts/CompiledModels), which every migration also rewrites for its context.
using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

var (accounts, name, compiledOnly) = args switch
{
    ["--compiled-models"] => (false, "", true),
    [var only] when !only.StartsWith("--", StringComparison.Ordinal) => (false, only, false),
    ["--accounts", var named] => (true, named, false),
    _ => (false, "", false),
};
if (name.Length == 0 && !compiledOnly)
{
    Console.Error.WriteLine("usage: FunnelInsight.MigrationTool [--accounts] <MigrationName> | --compiled-models");
    return 2;
}

// The contexts then build their model from the entity classes, not from the compiled model being replaced.
EF.IsDesignTime = true;
var repoRoot = FindRepoRoot(AppContext.BaseDirectory);
var database = new FunnelDatabase("Data Source=:memory:");
if (compiledOnly)
{
    WriteCompiledModel(false);
    WriteCompiledModel(true);
    return 0;
}

using (var context = Context(accounts))
using (var provider = DesignServices(context))
{
    var (project, subNamespace, folder) = accounts
        ? ("FunnelInsight.Web", "Accounts.Migrations", Path.Combine("Accounts", "Migrations"))
        : ("FunnelInsight.Core", "Storage.Migrations", Path.Combine("Storage", "Migrations"));
    var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, project, subNamespace, "C#");
    var files = scaffolder.Save(Path.Combine(repoRoot, project), migration, Path.Combine(repoRoot, project, folder));
    Console.WriteLine(files.MigrationFile);
}

WriteCompiledModel(accounts);
return 0;

DbContext Context(bool forAccounts) => forAccounts ? new AccountsDbContext(AccountsDatabase.Options(database)) : database.CreateContext();

ServiceProvider DesignServices(DbContext context)
{
    var services = new ServiceCollection()
        .AddEntityFrameworkDesignTimeServices()
        .AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // The SQLite provider's design-time services are internal API by name only.
    new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
    return services.BuildServiceProvider();
}

// What `dotnet ef dbcontext optimize` writes: the model as code, so that a start skips building it from the entity classes.
void WriteCompiledModel(bool forAccounts)
{
    using var context = Context(forAccounts);
    using var provider = DesignServices(context);
    var (project, modelNamespace, folder) = forAccounts
        ? ("FunnelInsight.Web", "FunnelInsight.Web.Accounts.CompiledModels", Path.Combine("Accounts", "CompiledModels"))
        : ("FunnelInsight.Core", "FunnelInsight.Core.Storage.CompiledModels", Path.Combine("Storage", "CompiledModels"));
    var output = Path.Combine(repoRoot, project, folder);
    if (Directory.Exists(output))
    {
        Directory.Delete(output, recursive: true);
    }

    var files = provider.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
        context.GetService<IDesignTimeModel>().Model,
        output,
        new CompiledModelCodeGenerationOptions
        {
            ContextType = context.GetType(),
            ModelNamespace = modelNamespace,
            Language = "C#",
            UseNullableReferenceTypes = true,
        });
    Console.WriteLine($"{files.Count} compiled model files in {output}");
}

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
