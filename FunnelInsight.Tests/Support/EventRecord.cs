using Microsoft.Data.Sqlite;

namespace FunnelInsight.Tests.Support;

/// <summary>A stored event as tests compare it.</summary>
internal sealed record EventRecord(
    long TimeUs, string? Session, string Visitor, string Name, string? Product, double? Price, int? Quantity,
    string? Order, string? Device, string? Channel, string? Country, int? PageLoadMs)
{
    public const string Select = """
        SELECT TimeUs, SessionKey, VisitorKey, EventName, ProductId, Price, Quantity, OrderId, Device, Channel, Country, PageLoadMs
        FROM Events ORDER BY ImportId, Line
        """;

    public static async Task<IReadOnlyList<EventRecord>> AllAsync(TempDatabase db) => await db.QueryAsync(Select, Read);

    private static EventRecord Read(SqliteDataReader r) => new(
        r.GetInt64(0), Text(r, 1), r.GetString(2), r.GetString(3), Text(r, 4), r.IsDBNull(5) ? null : r.GetDouble(5),
        r.IsDBNull(6) ? null : r.GetInt32(6), Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 10), r.IsDBNull(11) ? null : r.GetInt32(11));

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
