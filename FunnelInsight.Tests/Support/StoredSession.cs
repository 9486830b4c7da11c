namespace FunnelInsight.Tests.Support;

/// <summary>A stored session rollup as tests compare it.</summary>
internal sealed record StoredSession(
    long Id, string Session, string Visitor, long StartUs, long EndUs, string? Device, string? Channel, string? Country, int Depth,
    long? ProductUs, long? CartUs, long? CheckoutUs, long? PurchaseUs, int OpenMask, int StepMask, int LastStep,
    int SignalMask, int ExitSignal, string LastEvent, double CartValue, int CartItems, double PurchaseValue, int Events,
    double? AvgLoad, byte[] StagePath)
{
    /// <summary>The session's values with its stage path as hex, compared by value (an array compares by reference).</summary>
    public (StoredSession Values, string StagePath) Comparable => (this with { StagePath = Array.Empty<byte>() }, Convert.ToHexString(StagePath));

    /// <summary>Every stored session of every store, as the event store gives them back, by store and id.</summary>
    public static async Task<IReadOnlyList<StoredSession>> AllAsync(FunnelDatabase database)
    {
        var sessions = new List<StoredSession>();
        foreach (var storeId in await EventRecord.StoreIdsAsync(database))
        {
            foreach (var (id, s) in await EventsFile.WhenFreeAsync(() => database.Events.ReadSessionsAsync(storeId, CancellationToken.None)))
            {
                sessions.Add(new StoredSession(
                    id, s.SessionKey, s.VisitorKey, s.StartUs, s.EndUs, s.Device, s.Channel, s.Country, s.OrderedDepth, s.ProductUs,
                    s.CartUs, s.CheckoutUs, s.PurchaseUs, s.OpenMask, s.StepMask, s.LastStep, s.SignalMask, s.ExitSignal,
                    s.LastEventName, s.CartValue, s.CartItems, s.PurchaseValue, s.EventCount, s.AvgPageLoadMs, s.StagePath));
            }
        }

        return sessions;
    }
}
