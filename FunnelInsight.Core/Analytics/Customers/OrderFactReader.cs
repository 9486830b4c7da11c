using FunnelInsight.Core.Stores;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>Reads the orders of a customer query, and the span of time the store's orders cover.</summary>
internal static class OrderFactReader
{
    public static async Task<List<OrderFact>> ReadAsync(DbConnection connection, CustomerQuery query, StoreClock clock, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT CustomerKey, CreatedUs, Total, Refunded, Outstanding, IsCancelled, upper(trim(Currency)) FROM Orders WHERE {OrderRange.Where}
            """;
        OrderRange.Bind(command, query.StoreId, query.From, query.To, clock);
        var orders = new List<OrderFact>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var customer = reader.IsDBNull(0) ? null : reader.GetString(0).Trim();
            var currency = reader.IsDBNull(6) ? null : reader.GetString(6);
            orders.Add(new OrderFact(string.IsNullOrEmpty(customer) ? null : customer, reader.GetInt64(1), reader.GetDouble(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetBoolean(5), string.IsNullOrEmpty(currency) ? null : currency));
        }

        return orders;
    }

    /// <summary>The first and last order times of the whole store (whatever the query's range); null without orders.</summary>
    public static async Task<(long First, long Last)?> SpanAsync(DbConnection connection, int storeId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(CreatedUs), MAX(CreatedUs) FROM Orders WHERE StoreId = @store";
        command.AddParameter("store", storeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }
}
