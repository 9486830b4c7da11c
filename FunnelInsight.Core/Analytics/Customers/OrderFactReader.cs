using FunnelInsight.Core.Analytics.Sessions;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>Reads the orders of a customer query.</summary>
internal static class OrderFactReader
{
    public static async Task<List<OrderFact>> ReadAsync(SqliteConnection connection, CustomerQuery query, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT CustomerKey, CreatedUs, Total, IsCancelled FROM Orders
            WHERE StoreId = $store AND CreatedUs >= $from AND CreatedUs < $to
            """;
        command.Parameters.AddWithValue("$store", query.StoreId);
        command.Parameters.AddWithValue("$from", query.From is { } from ? SessionSelection.DayStartUs(from) : long.MinValue);
        command.Parameters.AddWithValue("$to", query.To is { } to ? SessionSelection.DayStartUs(to.AddDays(1)) : long.MaxValue);
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
