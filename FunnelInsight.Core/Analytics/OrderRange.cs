using FunnelInsight.Core.Stores;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics;

/// <summary>
/// The <c>$store</c>, <c>$from</c> and <c>$to</c> parameters of an orders query over a day range (both days included),
/// the days being the store's (its time zone).
/// </summary>
internal static class OrderRange
{
    /// <summary>The condition the parameters are for.</summary>
    public const string Where = "StoreId = $store AND CreatedUs >= $from AND CreatedUs < $to";

    public static void Bind(SqliteCommand command, int storeId, DateOnly? from, DateOnly? to, StoreClock clock)
    {
        command.Parameters.AddWithValue("$store", storeId);
        command.Parameters.AddWithValue("$from", from is { } first ? clock.DayStartUs(first) : long.MinValue);
        command.Parameters.AddWithValue("$to", to is { } last ? clock.DayStartUs(last.AddDays(1)) : long.MaxValue);
    }
}
