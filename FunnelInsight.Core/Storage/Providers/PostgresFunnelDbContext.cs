using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Storage.Providers;

/// <summary>
/// The application model on PostgreSQL: the same entities and configuration as <see cref="FunnelDbContext"/>, with its
/// own migrations and compiled model (EF Core keeps one set per context type), names in lower case (so that SQL written
/// with unquoted names reads the same on both engines) and a case-insensitive collation where SQLite uses NOCASE.
/// </summary>
public sealed class PostgresFunnelDbContext(DbContextOptions options) : FunnelDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgresModel.Adapt(modelBuilder);
    }
}
