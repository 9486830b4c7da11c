using System.Security.Claims;
using FunnelInsight.Web.Accounts;

namespace FunnelInsight.Tests.Web.Accounts;

public sealed class MembershipStoreAccessTests
{
    [Fact]
    public async Task A_member_is_granted_up_to_their_role_and_refused_above_it()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (access, alpha, _) = await SetUpAsync(db);
        var analyst = User("analyst");

        Assert.Equal(StoreRole.Analyst, (await access.FindAsync(analyst, alpha, StoreRole.Marketer))?.Role);
        Assert.Equal("Alpha", (await access.FindAsync(analyst, alpha, StoreRole.Analyst))?.StoreName);
        Assert.Null(await access.FindAsync(analyst, alpha, StoreRole.Owner));
    }

    [Fact]
    public async Task A_non_member_an_unknown_store_and_an_anonymous_user_are_all_refused()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (access, alpha, bravo) = await SetUpAsync(db);

        Assert.Null(await access.FindAsync(User("analyst"), bravo, StoreRole.Marketer));
        Assert.Null(await access.FindAsync(User("analyst"), 999, StoreRole.Marketer));
        Assert.Null(await access.FindAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "analyst")])), alpha, StoreRole.Marketer));
        Assert.Empty(await access.StoresAsync(new ClaimsPrincipal()));
    }

    [Fact]
    public async Task A_token_limited_to_one_store_reaches_only_that_store_of_its_users_stores()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (access, alpha, bravo) = await SetUpAsync(db);
        var limited = User("owner", new Claim(AccountClaims.TokenStore, alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(["Alpha", "Bravo"], (await access.StoresAsync(User("owner"))).Select(s => s.StoreName));
        Assert.Equal(["Alpha"], (await access.StoresAsync(limited)).Select(s => s.StoreName));
        Assert.NotNull(await access.FindAsync(limited, alpha, StoreRole.Owner));
        Assert.Null(await access.FindAsync(limited, bravo, StoreRole.Marketer));
    }

    private static async Task<(MembershipStoreAccess Access, int Alpha, int Bravo)> SetUpAsync(TempDatabase db)
    {
        var alpha = await db.Stores.GetOrCreateAsync("Alpha");
        var bravo = await db.Stores.GetOrCreateAsync("Bravo");
        var memberships = new StoreMemberships(db.Database);
        await memberships.SetAsync(alpha.Id, "analyst", StoreRole.Analyst);
        await memberships.SetAsync(alpha.Id, "owner", StoreRole.Owner);
        await memberships.SetAsync(bravo.Id, "owner", StoreRole.Owner);
        return (new MembershipStoreAccess(memberships), alpha.Id, bravo.Id);
    }

    private static ClaimsPrincipal User(string id, params Claim[] extra) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), .. extra], "test"));
}
