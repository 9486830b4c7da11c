using FunnelInsight.Core.Analytics.Statistics;
using FunnelInsight.Core.Stores;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>How much of what buyers pay is shipping and tax, from the store's orders.</summary>
internal static class OrderCostReader
{
    /// <summary>
    /// The median of (shipping + tax) / total over orders that are neither cancelled nor fully refunded and have a total,
    /// and their count; the range's days are the store's (<paramref name="clock"/>).
    /// </summary>
    public static async Task<(double? Median, long Count)> MedianExtraCostShareAsync(DbConnection connection, FunnelQuery query, StoreClock clock,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (Shipping + Tax) / Total FROM Orders WHERE NOT IsCancelled AND Total > 0 AND Refunded < Total AND {OrderRange.Where}
            """;
        OrderRange.Bind(command, query.StoreId, query.From, query.To, clock);
        var shares = new List<double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            shares.Add(reader.GetDouble(0));
        }

        shares.Sort();
        return (Quantile.Median(shares), shares.Count);
    }
}
