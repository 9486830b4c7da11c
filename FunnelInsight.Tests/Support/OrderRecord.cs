using System.Data.Common;

namespace FunnelInsight.Tests.Support;

/// <summary>A stored order as tests compare it.</summary>
internal sealed record OrderRecord(
    string OrderId, string? Customer, long CreatedUs, double Subtotal, double Shipping, double Tax, double Discount,
    double Total, string? Currency, string? Status, bool Cancelled, string? Channel, int Lines)
{
    private const string Select = """
        SELECT OrderId, CustomerKey, CreatedUs, Subtotal, Shipping, Tax, Discount, Total, Currency, Status, IsCancelled, Channel, LineCount
        FROM Orders ORDER BY Id
        """;

    public static async Task<IReadOnlyList<OrderRecord>> AllAsync(TempDatabase db) => await db.QueryAsync(Select, Read);

    /// <summary>The key an e-mail is stored under: <c>email:</c> and the SHA-256 of the lower-cased address.</summary>
    public static string EmailKey(string email) =>
        "email:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.ToLowerInvariant())));

    private static OrderRecord Read(DbDataReader r) => new(
        r.GetString(0), Text(r, 1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7),
        Text(r, 8), Text(r, 9), r.GetBoolean(10), Text(r, 11), r.GetInt32(12));

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
