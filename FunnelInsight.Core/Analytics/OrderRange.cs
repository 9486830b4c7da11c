using FunnelInsight.Core.Stores;
using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Analytics;

/// <summary>
/// The <c>@store</c>, <c>@from</c> and <c>@to</c> parameters of an orders query over a day range (both days included),
/// the days being the store's (its time zone).
/// </summary>
internal static class OrderRange
{
    /// <summary>The condition the parameters are for.</summary>
    public const string Where = "StoreId = @store AND CreatedUs >= @from AND CreatedUs < @to";

    public static void Bind(DbCommand command, int storeId, DateOnly? from, DateOnly? to, StoreClock clock)
    {
        command.AddParameter("store", storeId);
        command.AddParameter("from", from is { } first ? clock.DayStartUs(first) : long.MinValue);
        command.AddParameter("to", to is { } last ? clock.DayStartUs(last.AddDays(1)) : long.MaxValue);
    }
}
