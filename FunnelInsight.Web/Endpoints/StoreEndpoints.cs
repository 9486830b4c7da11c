using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// The caller's stores: <c>GET /api/stores</c> lists them with the caller's role and their sizes, <c>POST /api/stores</c>
/// creates one with the caller as its Owner (as the dashboard's home page does), refusing a name already taken.
/// </summary>
public static class StoreEndpoints
{
    /// <summary>The stores the caller may use, by name.</summary>
    internal static async Task<Ok<IReadOnlyList<StoreListing>>> ListAsync(HttpContext http, IStoreAccess access, StoreCatalog catalog, CancellationToken cancellationToken)
    {
        var mine = (await access.StoresAsync(http.User, cancellationToken)).ToDictionary(m => m.StoreId, m => m.Role);
        IReadOnlyList<StoreListing> listed = [.. (await catalog.ListAsync(cancellationToken)).Where(s => mine.ContainsKey(s.Id)).Select(s => StoreListing.Of(s, mine[s.Id]))];
        return TypedResults.Ok(listed);
    }

    /// <summary>Creates the store the body (<see cref="NewStore"/>) names, with the token's user as its Owner (the operator's alone: a store without members).</summary>
    internal static async Task<Results<Created<StoreListing>, ProblemHttpResult, ValidationProblem>> CreateAsync(HttpContext http, StoreCatalog catalog,
        StoreMemberships memberships, CancellationToken cancellationToken)
    {
        var name = (await JsonBody.ReadAsync<NewStore>(http.Request, cancellationToken))?.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A store needs a name: send {\"name\": \"…\"} as JSON."] }, title: "The store is not valid.");
        }

        if (http.User.FindFirstValue(AccountClaims.TokenStore) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "This token is limited to one store; it cannot create another.");
        }

        // A name already taken belongs to a store that may not be the caller's: creating must never make them its owner.
        if (await catalog.FindAsync(name, cancellationToken) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"There is already a store called '{name}'.");
        }

        var created = await catalog.GetOrCreateAsync(name, cancellationToken);
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await memberships.SetAsync(created.Id, userId, StoreRole.Owner, cancellationToken);
        }

        return TypedResults.Created($"/api/stores/{created.Id}", new StoreListing(created.Id, created.Name, "owner", 0, 0, 0));
    }
}

/// <summary>The body of <c>POST /api/stores</c>.</summary>
/// <param name="Name">The new store's name.</param>
public sealed record NewStore(string? Name);
