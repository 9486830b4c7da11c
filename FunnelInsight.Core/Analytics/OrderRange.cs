using FunnelInsight.Core.Analytics.Sessions;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics;

/// <summary>The <c>$store</c>, <c>$from</c> and <c>$to</c> parameters of an orders query over a day range (both days included).</summary>
internal static class OrderRange
{
    /// <summary>The condition the parameters are for.</summary>
    public const string Where = "StoreId = $store AND CreatedUs >= $from AND CreatedUs < $to";

    public static void Bind(SqliteCommand command, int storeId, DateOnly? from, DateOnly? to)
    {
        command.Parameters.AddWithValue("$store", storeId);
        command.Parameters.AddWithValue("$from", from is { } first ? SessionSelection.DayStartUs(first) : long.MinValue);
        command.Parameters.AddWithValue("$to", to is { } last ? SessionSelection.DayStartUs(last.AddDays(1)) : long.MaxValue);
    }
}
