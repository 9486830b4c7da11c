using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Stores;

/// <summary>The currency a store reports in: the one its Owner chose, else the one most of its orders carry, else USD.</summary>
public static class StoreCurrency
{
    /// <summary>The currency of a store that has neither a chosen currency nor orders that carry one.</summary>
    public const string Fallback = "USD";

    /// <summary>
    /// The store's currency: <paramref name="chosen"/> when set, else the currency most of its orders carry (ties by code).
    /// </summary>
    public static async Task<string> ResolveAsync(DbConnection connection, int storeId, string? chosen, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return chosen;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT upper(trim(Currency)) AS Code FROM Orders WHERE StoreId = @store AND trim(Currency) <> ''
            GROUP BY Code ORDER BY COUNT(*) DESC, Code LIMIT 1
            """;
        command.AddParameter("store", storeId);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? Fallback;
    }
}
