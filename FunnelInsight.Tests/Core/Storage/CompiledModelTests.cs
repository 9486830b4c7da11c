using FunnelInsight.Core.Storage.CompiledModels;
using FunnelInsight.Web.Accounts;
using FunnelInsight.Web.Accounts.CompiledModels;
using PostgresAccountsModel = FunnelInsight.Web.Accounts.CompiledModels.Postgres.PostgresAccountsDbContextModel;
using PostgresFunnelModel = FunnelInsight.Core.Storage.CompiledModels.Postgres.PostgresFunnelDbContextModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FunnelInsight.Tests.Core.Storage;

// A start uses the compiled models (tools/FunnelInsight.MigrationTool writes them) instead of building the model from the
// entity classes. One left behind by a change to an entity would map the old columns: each must be what the classes build.
public class CompiledModelTests
{
    [Fact]
    public void The_store_database_starts_from_its_compiled_model_and_it_matches_the_entity_classes()
    {
        using var context = new FunnelDatabase("Data Source=:memory:").CreateContext();
        Assert.IsType<FunnelDbContextModel>(context.Model, exactMatch: false);
        AssertSameTables(context);
    }

    [Fact]
    public void The_accounts_tables_start_from_their_compiled_model_and_it_matches_the_entity_classes()
    {
        using var context = AccountsDatabase.CreateContext(new FunnelDatabase("Data Source=:memory:"));
        Assert.IsType<AccountsDbContextModel>(context.Model, exactMatch: false);
        AssertSameTables(context);
    }

    [Fact]
    public void The_store_database_on_postgres_starts_from_its_own_compiled_model_and_it_matches_the_entity_classes()
    {
        using var context = Postgres().CreateContext();
        Assert.IsType<PostgresFunnelModel>(context.Model, exactMatch: false);
        Assert.Equal("stores", context.Model.FindEntityType(typeof(FunnelInsight.Core.Storage.Entities.Store))!.GetTableName());
        AssertSameTables(context);
    }

    [Fact]
    public void The_accounts_tables_on_postgres_start_from_their_own_compiled_model_and_it_matches_the_entity_classes()
    {
        using var context = AccountsDatabase.CreateContext(Postgres());
        Assert.IsType<PostgresAccountsModel>(context.Model, exactMatch: false);
        AssertSameTables(context);
    }

    // Building a context opens nothing: no server is needed to compare the models.
    private static FunnelDatabase Postgres() =>
        new(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=funnelinsight_models", Path.GetTempPath());

    // The tables, columns (type, nullability, the property they hold), keys and indexes each model maps, one line each.
    private static void AssertSameTables(DbContext context)
    {
        var compiled = Mapping(context.GetService<IModel>().GetRelationalModel());
        var built = Mapping(context.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        Assert.True(compiled.SequenceEqual(built),
            "The compiled model differs from the entity classes (run `dotnet run --project tools/FunnelInsight.MigrationTool -- --compiled-models`): "
            + string.Join("; ", compiled.Except(built).Select(l => "compiled " + l).Concat(built.Except(compiled).Select(l => "classes " + l))));
    }

    private static List<string> Mapping(IRelationalModel model) =>
    [
        .. model.Tables.SelectMany(table => table.Columns
                .Select(c => $"{table.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")} <- "
                    + string.Join(",", c.PropertyMappings.Select(m => m.Property.DeclaringType.ClrType.Name + "." + m.Property.Name + ":" + m.Property.ClrType.Name)))
                .Concat(table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} ({string.Join(",", k.Columns.Select(c => c.Name))})"))
                .Concat(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"))
                .Concat(table.ForeignKeyConstraints.Select(f => $"{table.Name} foreign key {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}")))
            .Order(StringComparer.Ordinal),
    ];
}
