using FunnelInsight.Core.Storage.Providers;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Accounts;

/// <summary>
/// The accounts tables on PostgreSQL: the same model as <see cref="AccountsDbContext"/> with its own migrations and
/// compiled model, and the names PostgreSQL keeps (<see cref="PostgresModel.Adapt"/>).
/// </summary>
public sealed class PostgresAccountsDbContext : AccountsDbContext
{
    /// <summary>A context on <paramref name="options"/> (from dependency injection).</summary>
    public PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options)
        : base(options)
    {
    }

    /// <summary>A context on options built for the base type.</summary>
    internal PostgresAccountsDbContext(DbContextOptions<AccountsDbContext> options)
        : base((DbContextOptions)options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PostgresModel.Adapt(builder);
    }
}
