using Microsoft.AspNetCore.Http.HttpResults;

namespace FunnelInsight.Web.Endpoints;

/// <summary>
/// Deleting an import or a store through the API, for its Owner: <c>DELETE /api/stores/{id}/imports/{importId}</c> and
/// <c>DELETE /api/stores/{id}</c>. Each waits for the write turn; an import still running is a 409 problem.
/// </summary>
public static class DeletionEndpoints
{
    /// <summary>Deletes the import, for an Owner of the store.</summary>
    internal static async Task<Results<Ok<DeletedImport>, ProblemHttpResult>> DeleteImportAsync(int storeId, int importId, HttpContext http, IStoreAccess access,
        ImportDeletion deletion, CancellationToken cancellationToken)
    {
        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Owner, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await deletion.DeleteAsync(storeId, importId, cancellationToken: cancellationToken);
        return result.Outcome switch
        {
            DeletionOutcome.Deleted => TypedResults.Ok(new DeletedImport(importId, result.EventsRemoved, result.OrdersRemoved)),
            DeletionOutcome.ImportRunning => Running("The import is still running; delete it once it has ended."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "The store has no such import."),
        };
    }

    /// <summary>Deletes the store and everything it holds, for an Owner of it.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteStoreAsync(int storeId, HttpContext http, IStoreAccess access, StoreCatalog stores,
        IFunnelAnalytics analytics, CancellationToken cancellationToken)
    {
        if (await StoreGate.CheckAsync(http.User, storeId, StoreRole.Owner, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await stores.DeleteAsync(storeId, cancellationToken: cancellationToken);
        analytics.Forget(storeId);
        return outcome switch
        {
            DeletionOutcome.Deleted => TypedResults.NoContent(),
            DeletionOutcome.ImportRunning => Running("An import into the store is still running; delete the store once it has ended."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "There is no such store, or you are not one of its members."),
        };
    }

    private static ProblemHttpResult Running(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: detail);
}

/// <summary>What deleting an import took out of the store.</summary>
/// <param name="ImportId">The deleted import.</param>
/// <param name="EventsRemoved">Events taken out (events another import also delivered stay).</param>
/// <param name="OrdersRemoved">Orders taken out (those the import stored first).</param>
public sealed record DeletedImport(int ImportId, long EventsRemoved, int OrdersRemoved);
