using FunnelInsight.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace FunnelInsight.Web.Accounts;

/// <summary>The Identity set-up shared by the dashboard and the command line: users in the FunnelInsight database.</summary>
public static class AccountIdentity
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>The shortest password accepted (length is what makes a password strong; no composition rules).</summary>
    public const int MinPasswordLength = 10;

    /// <summary>Registers the accounts context, user manager and password rules for <paramref name="database"/>.</summary>
    public static IdentityBuilder AddAccountIdentity(this IServiceCollection services, FunnelDatabase database)
    {
        services.AddAccountsContext(database);
        return services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddEntityFrameworkStores<AccountsDbContext>();
    }

    /// <summary>Creates a user whose user name is their e-mail; the errors Identity gives when it refuses.</summary>
    public static async Task<(IdentityUser? User, string? Error)> CreateUserAsync(UserManager<IdentityUser> users, string email, string password)
    {
        var user = new IdentityUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? (user, null) : (null, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
