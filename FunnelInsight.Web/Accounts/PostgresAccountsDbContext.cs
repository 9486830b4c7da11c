using FunnelInsight.Core.Storage.Providers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Accounts;

/// <summary>
/// The accounts tables on PostgreSQL: the same model as <see cref="AccountsDbContext"/> with its own migrations and
/// compiled model, and the names PostgreSQL keeps (<see cref="PostgresModel.Adapt"/>). It also holds the
/// data-protection key ring, so that every instance on the database reads the cookies and antiforgery tokens the
/// others wrote (on SQLite, one machine's instance keeps its keys in its own folder, as ASP.NET Core does by default).
/// </summary>
public sealed class PostgresAccountsDbContext : AccountsDbContext, IDataProtectionKeyContext
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

    /// <summary>The data-protection keys shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PostgresModel.Adapt(builder);
    }
}
