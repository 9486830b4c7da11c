using DuckDB.NET.Data;
using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Core.Events.DuckDb;

/// <summary>Keeps one partition's sessions until its turn comes, then appends them to the sessions table.</summary>
internal sealed class DuckDbSessionSink : IPartitionSink
{
    private readonly List<SessionSummary> _sessions = [];

    public long Sessions { get; private set; }

    public void Session(SessionSummary session)
    {
        _sessions.Add(session);
        Sessions++;
    }

    // The append has already taken out every event whose identity the store had: the builder finds no repeat to report.
    public void Repeat(long eventId)
    {
    }

    /// <summary>Appends the sessions, numbered on from <paramref name="nextId"/>.</summary>
    public void AppendTo(DuckDBAppender appender, int storeId, ref long nextId)
    {
        foreach (var s in _sessions)
        {
            appender.CreateRow()
                .AppendValue(nextId++)
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

        _sessions.Clear();
    }
}
