using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>Reads the orders of a customer query.</summary>
internal static class OrderFactReader
{
    public static async Task<List<OrderFact>> ReadAsync(SqliteConnection connection, CustomerQuery query, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT CustomerKey, CreatedUs, Total, IsCancelled FROM Orders WHERE {OrderRange.Where}
            """;
        OrderRange.Bind(command, query.StoreId, query.From, query.To);
        var orders = new List<OrderFact>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var customer = reader.IsDBNull(0) ? null : reader.GetString(0).Trim();
            orders.Add(new OrderFact(string.IsNullOrEmpty(customer) ? null : customer, reader.GetInt64(1), reader.GetDouble(2), reader.GetBoolean(3)));
        }

        return orders;
    }
}
