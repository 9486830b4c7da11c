using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Accounts;

/// <summary>
/// The sign-in tables of ASP.NET Core Identity (users, their claims, logins and tokens). They live in the
/// same database as the store data, but under their own context and migration history, because Core
/// must not reference ASP.NET. Store memberships and API tokens are Core's and refer to these users by id.
/// This type is the SQLite one; <see cref="PostgresAccountsDbContext"/> has the PostgreSQL migrations.
/// </summary>
public class AccountsDbContext : IdentityUserContext<IdentityUser>
{
    /// <summary>A context on <paramref name="options"/>.</summary>
    public AccountsDbContext(DbContextOptions<AccountsDbContext> options)
        : base(options)
    {
    }

    /// <summary>A context of a derived type (another provider's migrations) on <paramref name="options"/>.</summary>
    protected AccountsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>This context's own migration history table, beside the store database's.</summary>
    public const string MigrationsHistoryTable = "__AccountsMigrationsHistory";
}
