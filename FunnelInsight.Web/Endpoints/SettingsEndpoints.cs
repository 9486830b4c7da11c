using Microsoft.AspNetCore.Http.HttpResults;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// A store's settings: <c>GET /api/stores/{id}/settings</c> for an Analyst or Owner, <c>PUT</c> for its Owner with the
/// Settings page's checks (every rejected value is a 400 naming its field, and nothing changes) and rebuild of the
/// session rollups when the stage map or the session timeout changes.
/// </summary>
public static class SettingsEndpoints
{
    /// <summary>The store's settings.</summary>
    internal static async Task<Results<Ok<StoreSettingsDocument>, ProblemHttpResult>> GetAsync(int storeId, HttpContext http, IStoreAccess access,
        StoreSettingsService service, CancellationToken cancellationToken)
    {
        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Analyst, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await DocumentAsync(storeId, http, access, service, null, cancellationToken);
    }

    /// <summary>Replaces the store's settings with the body's (a <see cref="StoreSettingsDocument"/>), for an Owner.</summary>
    internal static async Task<Results<Ok<StoreSettingsDocument>, ProblemHttpResult, ValidationProblem>> PutAsync(int storeId, HttpContext http,
        IStoreAccess access, StoreSettingsService service, CancellationToken cancellationToken)
    {
        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Owner, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await JsonBody.ReadAsync<StoreSettingsDocument>(http.Request, cancellationToken) is not { StageMap: not null, Currency: not null, TimeZone: not null } settings)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the settings as JSON, as GET answers them."] }, title: "The settings are not valid; nothing was changed.");
        }

        var saved = await service.SaveAsync(storeId, settings.Settings, cancellationToken);
        if (!saved.Saved)
        {
            return TypedResults.ValidationProblem(saved.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key.ToString(), g => g.Select(e => e.Detail).ToArray()),
                detail: string.Join(" ", saved.Errors.Select(e => e.Detail)), title: "The settings are not valid; nothing was changed.");
        }

        return (await DocumentAsync(storeId, http, access, service, saved, cancellationToken)).Result switch
        {
            Ok<StoreSettingsDocument> ok => ok,
            var problem => (ProblemHttpResult)problem,
        };
    }

    private static async Task<Results<Ok<StoreSettingsDocument>, ProblemHttpResult>> DocumentAsync(int storeId, HttpContext http, IStoreAccess access,
        StoreSettingsService service, StoreSettingsSaveResult? saved, CancellationToken cancellationToken)
    {
        var store = await access.FindAsync(http.User, storeId, StoreRole.Marketer, cancellationToken);
        if (store is null || await service.GetAsync(storeId, cancellationToken) is not { } settings)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "There is no such store, or you are not one of its members.");
        }

        return TypedResults.Ok(StoreSettingsDocument.Of(store.StoreName, settings, await service.OfferedTimeZonesAsync(storeId, cancellationToken), saved));
    }
}
