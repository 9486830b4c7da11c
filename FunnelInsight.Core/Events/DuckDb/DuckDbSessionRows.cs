using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>One session rollup as a row of the sessions table.</summary>
internal static class DuckDbSessionRows
{
    /// <summary>Appends session <paramref name="s"/> of store <paramref name="storeId"/> with id <paramref name="id"/>.</summary>
    public static void Append(DuckDBAppender appender, int storeId, long id, SessionSummary s)
    {
        appender.CreateRow()
            .AppendValue(id)
            .AppendValue(storeId)
            .AppendValue(s.FromSessionId)
            .AppendValue(s.FromSessionId ? s.SessionKey : s.VisitorKey)
            .AppendValue(s.SessionKey)
            .AppendValue(s.VisitorKey)
            .AppendValue(s.StartUs)
            .AppendValue(s.EndUs)
            .AppendValue(s.Device)
            .AppendValue(s.Channel)
            .AppendValue(s.Country)
            .AppendValue(s.OrderedDepth)
            .AppendValue(s.ProductUs)
            .AppendValue(s.CartUs)
            .AppendValue(s.CheckoutUs)
            .AppendValue(s.PurchaseUs)
            .AppendValue(s.OpenMask)
            .AppendValue(s.StepMask)
            .AppendValue(s.LastStep)
            .AppendValue(s.SignalMask)
            .AppendValue(s.ExitSignal)
            .AppendValue(s.LastEventName)
            .AppendValue(s.CartValue)
            .AppendValue(s.CartItems)
            .AppendValue(s.PurchaseValue)
            .AppendValue(s.EventCount)
            .AppendValue(s.AvgPageLoadMs)
            .AppendValue(s.StagePath)
            .EndRow();
    }
}
