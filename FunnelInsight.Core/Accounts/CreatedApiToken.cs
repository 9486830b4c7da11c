namespace FunnelInsight.Core.Accounts;

/// <summary>A newly created API token: the stored record and the secret, which is never available again.</summary>
/// <param name="Token">The stored token (hashed).</param>
/// <param name="Secret">The token to give the user, once.</param>
public sealed record CreatedApiToken(ApiToken Token, string Secret);
