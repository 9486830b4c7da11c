using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Storage.Providers;

/// <summary>
/// The application model on PostgreSQL: the same entities and configuration as <see cref="FunnelDbContext"/>, with its
/// own migrations and compiled model (EF Core keeps one set per context type), names in lower case (so that SQL written
/// with unquoted names reads the same on both engines) and a case-insensitive collation where SQLite uses NOCASE. It
/// alone has the import jobs table: instances sharing the database claim uploads from it (on SQLite one process runs
/// them from its own queue).
/// </summary>
public sealed class PostgresFunnelDbContext(DbContextOptions options) : FunnelDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Entities.ImportJobRow>(job =>
        {
            job.ToTable("ImportJobs");
            job.Property(j => j.UploadPath).HasMaxLength(1000);
            job.Property(j => j.FileName).HasMaxLength(260);
            job.Property(j => j.Owner).HasMaxLength(200);
            job.HasIndex(j => new { j.State, j.Id });
            job.HasIndex(j => new { j.StoreId, j.State });
        });
        PostgresModel.Adapt(modelBuilder);
    }
}
