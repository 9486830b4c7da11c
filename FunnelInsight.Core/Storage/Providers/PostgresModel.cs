using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FunnelInsight.Core.Storage.Providers;

/// <summary>What a model built for SQLite changes on PostgreSQL (the application's model and the accounts model alike).</summary>
public static class PostgresModel
{
    /// <summary>
    /// The collation of columns compared without case (SQLite's NOCASE): ICU's root locale at secondary strength, so
    /// "Checkout" and "checkout" are equal in comparisons and unique indexes.
    /// </summary>
    public const string CaseInsensitive = "case_insensitive";

    /// <summary>
    /// Lower-cases every table, column, key, index and foreign key name (PostgreSQL folds unquoted names to lower case,
    /// so the raw SQL that names them unquoted works on both engines) and turns NOCASE columns to <see cref="CaseInsensitive"/>.
    /// </summary>
    public static void Adapt(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var caseInsensitive = false;
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table)
            {
                entity.SetTableName(table.ToLowerInvariant());
            }

            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName(store) is { } column)
                {
                    property.SetColumnName(column.ToLowerInvariant());
                }

                if (string.Equals(property.GetCollation(), "NOCASE", StringComparison.OrdinalIgnoreCase))
                {
                    property.SetCollation(CaseInsensitive);
                    caseInsensitive = true;
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.GetName()!.ToLowerInvariant());
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(foreignKey.GetConstraintName()!.ToLowerInvariant());
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(index.GetDatabaseName()!.ToLowerInvariant());
            }
        }

        // A database has one collation of the name: only the model that uses it creates it.
        if (caseInsensitive)
        {
            modelBuilder.HasCollation(CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        }
    }
}
