// Scaffolds an EF Core migration without the dotnet-ef tool, for each database provider (SQLite and PostgreSQL keep a
// migration set each, under one context type per provider), and writes the compiled models the application starts from:
//   dotnet run --project tools/FunnelInsight.MigrationTool -- <MigrationName>
//     for FunnelDbContext, written to FunnelInsight.Core/Storage/Migrations (SQLite) and .../Migrations/Postgres;
//   dotnet run --project tools/FunnelInsight.MigrationTool -- --accounts <MigrationName>
//     for the Identity tables (AccountsDbContext), written to FunnelInsight.Web/Accounts/Migrations and .../Migrations/Postgres;
//   dotnet run --project tools/FunnelInsight.MigrationTool -- --compiled-models
//     only the compiled models of both contexts on both providers again (FunnelInsight.Core/Storage/CompiledModels,
//     FunnelInsight.Web/Accounts/CompiledModels, each with a Postgres/ folder), which every migration also rewrites for its context.
// `--provider sqlite|postgres` first limits a run to one provider.
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Providers;
using FunnelInsight.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;

// --provider sqlite|postgres limits a run to one provider's set (the first migration of a provider added later).
var only = args.Length >= 2 && args[0] == "--provider" ? DatabaseProvider.Named(args[1]) : null;
var (accounts, name, compiledOnly) = args[(only is null ? 0 : 2)..] switch
{
    ["--compiled-models"] => (false, "", true),
    [var single] when !single.StartsWith("--", StringComparison.Ordinal) => (false, single, false),
    ["--accounts", var named] => (true, named, false),
    _ => (false, "", false),
};
if (name.Length == 0 && !compiledOnly)
{
    Console.Error.WriteLine("usage: FunnelInsight.MigrationTool [--provider sqlite|postgres] [--accounts] <MigrationName> | --compiled-models");
    return 2;
}

// The contexts then build their model from the entity classes, not from the compiled model being replaced.
EF.IsDesignTime = true;
var repoRoot = FindRepoRoot(AppContext.BaseDirectory);
// Design-time databases: nothing is opened, the providers only shape the model and the code.
FunnelDatabase[] databases =
[
    .. new[]
    {
        new FunnelDatabase("Data Source=:memory:"),
        new FunnelDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=funnelinsight", Path.GetTempPath()),
    }.Where(d => only is null || d.Provider == only),
];
if (compiledOnly)
{
    foreach (var database in databases)
    {
        WriteCompiledModel(database, false);
        WriteCompiledModel(database, true);
    }

    return 0;
}

foreach (var database in databases)
{
    using (var context = Context(database, accounts))
    using (var provider = DesignServices(database, context))
    {
        var (project, subNamespace, folder) = accounts
            ? ("FunnelInsight.Web", "Accounts.Migrations", Path.Combine("Accounts", "Migrations"))
            : ("FunnelInsight.Core", "Storage.Migrations", Path.Combine("Storage", "Migrations"));
        if (database.Provider.IsServer)
        {
            (subNamespace, folder) = (subNamespace + ".Postgres", Path.Combine(folder, "Postgres"));
        }

        var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, project, subNamespace, "C#");
        var files = scaffolder.Save(Path.Combine(repoRoot, project), migration, Path.Combine(repoRoot, project, folder));
        Console.WriteLine(files.MigrationFile);
    }

    WriteCompiledModel(database, accounts);
}

return 0;

static DbContext Context(FunnelDatabase database, bool forAccounts) => forAccounts ? AccountsDatabase.CreateContext(database) : database.CreateContext();

static ServiceProvider DesignServices(FunnelDatabase database, DbContext context)
{
    var services = new ServiceCollection()
        .AddEntityFrameworkDesignTimeServices()
        .AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // The providers' design-time services are internal API by name only.
    if (database.Provider.IsServer)
    {
        new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
    }
    else
    {
        new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
    }
#pragma warning restore EF1001
    return services.BuildServiceProvider();
}

// What `dotnet ef dbcontext optimize` writes: the model as code, so that a start skips building it from the entity classes.
void WriteCompiledModel(FunnelDatabase database, bool forAccounts)
{
    using var context = Context(database, forAccounts);
    using var provider = DesignServices(database, context);
    var (project, modelNamespace, folder) = forAccounts
        ? ("FunnelInsight.Web", "FunnelInsight.Web.Accounts.CompiledModels", Path.Combine("Accounts", "CompiledModels"))
        : ("FunnelInsight.Core", "FunnelInsight.Core.Storage.CompiledModels", Path.Combine("Storage", "CompiledModels"));
    if (database.Provider.IsServer)
    {
        (modelNamespace, folder) = (modelNamespace + ".Postgres", Path.Combine(folder, "Postgres"));
    }

    // Only this provider's files: the other provider's model is in a folder below.
    var output = Path.Combine(repoRoot, project, folder);
    foreach (var old in Directory.Exists(output) ? Directory.GetFiles(output, "*.cs") : [])
    {
        File.Delete(old);
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
