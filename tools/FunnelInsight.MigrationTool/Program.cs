// Scaffolds an EF Core migration for FunnelDbContext without the dotnet-ef tool:
//   dotnet run --project tools/FunnelInsight.MigrationTool -- <MigrationName>
// The files are written to FunnelInsight.Core/Storage/Migrations.
using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: FunnelInsight.MigrationTool <MigrationName>");
    return 2;
}

var repoRoot = FindRepoRoot(AppContext.BaseDirectory);
var options = new DbContextOptionsBuilder<FunnelDbContext>().UseSqlite("Data Source=:memory:").Options;
using var context = new FunnelDbContext(options);

var services = new ServiceCollection()
    .AddEntityFrameworkDesignTimeServices()
    .AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // The SQLite provider's design-time services are internal API by name only.
new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001

using var provider = services.BuildServiceProvider();
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[0], "FunnelInsight.Core", "Storage.Migrations", "C#");
var files = scaffolder.Save(Path.Combine(repoRoot, "FunnelInsight.Core"), migration, Path.Combine(repoRoot, "FunnelInsight.Core", "Storage", "Migrations"));
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
