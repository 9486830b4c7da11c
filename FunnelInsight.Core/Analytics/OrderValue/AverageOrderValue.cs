using FunnelInsight.Core.Analytics.Sessions;

namespace FunnelInsight.Core.Analytics.OrderValue;

/// <summary>
/// Average order value, the one place it is computed: over orders (net revenue over the orders that count, the customer
/// report's), over sessions (purchase value over the sessions that reached purchase), and which of the two the leak
/// estimates and friction rules use.
/// </summary>
internal static class AverageOrderValue
{
    /// <summary>Net revenue over the orders that count; 0 without any.</summary>
    public static double OfOrders(double net, long valuedOrders) => valuedOrders > 0 ? net / valuedOrders : 0;

    /// <summary>Average purchase value of the selected sessions that reached purchase; 0 when they carry no prices.</summary>
    public static double OfSessions(SessionTable table, int[] selected)
    {
        double sum = 0;
        long count = 0;
        foreach (var i in selected)
        {
            if (table.Depth[i] == (int)FunnelStage.Purchase)
            {
                sum += table.PurchaseValue[i];
                count++;
            }
        }

        return count > 0 ? sum / count : 0;
    }

    /// <summary>
    /// What the estimates of lost revenue use: the sessions' average where the export carries prices; otherwise the
    /// orders' average (in the store's currency), asked of <paramref name="ofOrders"/> only then.
    /// </summary>
    public static async Task<double> ForEstimatesAsync(SessionTable table, int[] selected, Func<Task<double>> ofOrders)
    {
        var fromSessions = OfSessions(table, selected);
        return fromSessions > 0 ? fromSessions : await ofOrders();
    }
}
