namespace FunnelInsight.Tests.Web.Endpoints;

public abstract class SessionEndpointsTests(AccountsApp app)
{
    [ProviderFact]
    public async Task An_analysts_token_gets_a_sessions_events_in_order_with_the_stages_they_reached()
    {
        using var client = app.WithToken("analyst");

        using var response = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/sessions/events?key=s1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(("s1", "UTC", "product"), (root.GetProperty("sessionKey").GetString(), root.GetProperty("timeZone").GetString(), root.GetProperty("reached").GetString()));
        var events = root.GetProperty("events").EnumerateArray().ToList();
        // Alpha's file: s1 lands at 10:00 and views at 10:01 (its third row was rejected).
        Assert.Equal(["session_start", "view_item"], events.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Number], events.Select(e => e.GetProperty("gapSeconds").ValueKind));
        Assert.Equal(60, events[1].GetProperty("gapSeconds").GetDouble());
        Assert.Equal(["landing"], events[0].GetProperty("reaches").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([2L, 3L], events.Select(e => e.GetProperty("line").GetInt64()));
    }

    [ProviderFact]
    public async Task An_unknown_session_is_a_404_problem_and_a_missing_or_unknown_key_a_400_naming_it()
    {
        using var client = app.WithToken("analyst");

        using var unknown = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/sessions/events?key=nope", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/sessions/events", UriKind.Relative));
        using var typo = await client.GetAsync(new Uri($"api/stores/{app.AlphaId}/sessions/events?key=s1&sesion=s2", UriKind.Relative));

        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound);
        Assert.Contains("\"key\"", (await Problems.AssertAsync(missing, HttpStatusCode.BadRequest)).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("\"sesion\"", (await Problems.AssertAsync(typo, HttpStatusCode.BadRequest)).GetRawText(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Another_stores_session_and_a_marketer_are_refused_as_for_the_reports()
    {
        using var analyst = app.WithToken("analyst");
        using var marketer = app.WithToken("marketer");

        using var bravo = await analyst.GetAsync(new Uri($"api/stores/{app.BravoId}/sessions/events?key=s1", UriKind.Relative));
        using var lowRole = await marketer.GetAsync(new Uri($"api/stores/{app.AlphaId}/sessions/events?key=s1", UriKind.Relative));

        await Problems.AssertAsync(bravo, HttpStatusCode.NotFound);
        await Problems.AssertAsync(lowRole, HttpStatusCode.Forbidden);
    }
}

/// <summary>The tests of <see cref="SessionEndpointsTests"/> on SQLite.</summary>
[Collection(AccountsApp.Collection)]
public sealed class SessionEndpointsTestsOnSqlite(AccountsApp app) : SessionEndpointsTests(app);

/// <summary>The tests of <see cref="SessionEndpointsTests"/> on PostgreSQL.</summary>
[Collection(PostgresAccountsApp.Collection)]
public sealed class SessionEndpointsTestsOnPostgres(PostgresAccountsApp app) : SessionEndpointsTests(app), IRunsOnPostgres;
