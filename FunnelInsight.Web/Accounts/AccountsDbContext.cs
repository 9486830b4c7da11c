using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Web.Accounts;

/// <summary>
/// The sign-in tables of ASP.NET Core Identity (users, their claims, logins and tokens). They live in the
/// same SQLite file as the store data, but under their own context and migration history, because Core
/// must not reference ASP.NET. Store memberships and API tokens are Core's and refer to these users by id.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityUserContext<IdentityUser>(options)
{
    /// <summary>This context's own migration history table, beside the store database's.</summary>
    public const string MigrationsHistoryTable = "__AccountsMigrationsHistory";
}
