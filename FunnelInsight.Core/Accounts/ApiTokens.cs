using System.Security.Cryptography;
using FunnelInsight.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Accounts;

/// <summary>
/// Creates, lists, revokes and checks personal API tokens. A token is <c>fi_</c> followed by 32 random bytes
/// (base64url); only its SHA-256 is stored, so a stolen database yields no usable token.
/// </summary>
public sealed class ApiTokens(FunnelDatabase database, TimeProvider? clock = null)
{
    /// <summary>What every token starts with, so secret scanners and people can recognise one.</summary>
    public const string TokenPrefix = "fi_";

    private const int PrefixShown = 10;
    private const int MaxNameLength = 100;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Creates a token for <paramref name="userId"/>, optionally limited to one store; the secret is returned once.</summary>
    public async Task<CreatedApiToken> CreateAsync(string userId, string name, int? storeId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var label = name.Trim();
        ArgumentException.ThrowIfNullOrEmpty(label, nameof(name));
        var secret = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            StoreId = storeId,
            Name = label.Length > MaxNameLength ? label[..MaxNameLength] : label,
            Prefix = secret[..PrefixShown],
            Hash = HashOf(secret),
            CreatedUtc = _clock.GetUtcNow().UtcDateTime,
        };
        await using var context = database.CreateContext();
        context.ApiTokens.Add(token);
        await context.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(token, secret);
    }

    /// <summary>The user's tokens, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such active token.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var context = database.CreateContext();
        return await context.ApiTokens.Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedUtc, now), cancellationToken) > 0;
    }

    /// <summary>The active token matching <paramref name="secret"/>; null for an unknown or revoked token. Only reads.</summary>
    public async Task<ApiToken?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = HashOf(secret);
        await using var context = database.CreateContext();
        return await context.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedUtc == null, cancellationToken);
    }

    /// <summary>
    /// Records that the token was just used. Kept apart from <see cref="AuthenticateAsync"/> because it writes, and a
    /// write waits while an import holds the database: callers do it after answering the request. It waits two seconds
    /// at most for the database and then throws a <see cref="System.Data.Common.DbException"/>, which callers may ignore.
    /// </summary>
    public async Task RecordUseAsync(int tokenId, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var context = database.CreateContext();
        // Seconds, not the minute a bulk write may wait: a note that can be skipped must not hold up a reader.
        context.Database.SetCommandTimeout(2);
        await context.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedUtc, now), cancellationToken);
    }

    /// <summary>The stored form of a token: SHA-256 of its UTF-8 text, lower-case hex.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
