namespace FunnelInsight.Tests.Core.Accounts;

public abstract class ApiTokensTests : DatabaseProviderTests
{
    [ProviderFact]
    public async Task A_new_token_is_stored_only_as_its_sha256_and_authenticates_its_user()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var tokens = new ApiTokens(db.Database);

        var created = await tokens.CreateAsync("user-1", "  nightly export  ");
        var found = await tokens.AuthenticateAsync(created.Secret);
        await tokens.RecordUseAsync(created.Token.Id);

        Assert.StartsWith("fi_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(46, created.Secret.Length); // "fi_" + 43 base64url characters of 32 bytes
        Assert.Equal(created.Secret[..10], created.Token.Prefix);
        Assert.Equal("nightly export", created.Token.Name);
        Assert.Equal(0, await db.CountAsync($"SELECT COUNT(*) FROM ApiTokens WHERE Hash = '{created.Secret}' OR Prefix = '{created.Secret}'"));
        Assert.Equal(1, await db.CountAsync($"SELECT COUNT(*) FROM ApiTokens WHERE Hash = '{ApiTokens.HashOf(created.Secret)}'"));
        Assert.Equal("user-1", found?.UserId);
        Assert.Null(found?.LastUsedUtc);
        Assert.NotNull(Assert.Single(await tokens.ListAsync("user-1")).LastUsedUtc);
    }

    [ProviderFact]
    public void The_stored_hash_is_the_hex_sha256_of_the_token_text()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiTokens.HashOf("abc"));
    }

    [ProviderFact]
    public async Task A_revoked_token_no_longer_authenticates_and_cannot_be_revoked_by_another_user()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var tokens = new ApiTokens(db.Database);
        var created = await tokens.CreateAsync("user-1", "ci");

        Assert.False(await tokens.RevokeAsync("user-2", created.Token.Id));
        Assert.NotNull(await tokens.AuthenticateAsync(created.Secret));
        Assert.True(await tokens.RevokeAsync("user-1", created.Token.Id));

        Assert.Null(await tokens.AuthenticateAsync(created.Secret));
        Assert.NotNull(Assert.Single(await tokens.ListAsync("user-1")).RevokedUtc);
    }

    [ProviderFact]
    public async Task An_unknown_or_malformed_token_authenticates_nothing()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var tokens = new ApiTokens(db.Database);
        var created = await tokens.CreateAsync("user-1", "ci");

        Assert.Null(await tokens.AuthenticateAsync(created.Secret + "x"));
        Assert.Null(await tokens.AuthenticateAsync(created.Token.Hash));
        Assert.Null(await tokens.AuthenticateAsync(""));
    }

    [ProviderFact]
    public async Task A_users_token_list_shows_only_their_own_tokens_newest_first()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var tokens = new ApiTokens(db.Database);
        await tokens.CreateAsync("user-1", "first");
        await tokens.CreateAsync("user-2", "other");
        await tokens.CreateAsync("user-1", "second");

        var list = await tokens.ListAsync("user-1");

        Assert.Equal(["second", "first"], list.Select(t => t.Name));
    }
}

/// <summary>The tests of <see cref="ApiTokensTests"/> on SQLite.</summary>
public sealed class ApiTokensTestsOnSqlite : ApiTokensTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="ApiTokensTests"/> on PostgreSQL.</summary>
public sealed class ApiTokensTestsOnPostgres : ApiTokensTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
