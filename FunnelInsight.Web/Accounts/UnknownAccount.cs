using Microsoft.AspNetCore.Identity;

namespace FunnelInsight.Web.Accounts;

/// <summary>
/// A sign-in with an e-mail that has no account does the same work as one with a wrong password (it checks the
/// password against a hash), so its answer takes as long and the time does not tell which e-mails have accounts.
/// </summary>
public static class UnknownAccount
{
    private static readonly IdentityUser Nobody = new();
    private static string? _hash;

    /// <summary>Checks <paramref name="password"/> against a hash of a random password; always refused.</summary>
    public static SignInResult Refuse(IPasswordHasher<IdentityUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
        return SignInResult.Failed;
    }
}
