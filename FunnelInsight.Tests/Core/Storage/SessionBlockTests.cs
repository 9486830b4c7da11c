using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Storage.SessionBlocks;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Core.Storage;

public class SessionBlockTests
{
    private static SessionSummary Summary(string key, long start, string? device = "mobile") => new()
    {
        SessionKey = key,
        VisitorKey = "V-" + key,
        StartUs = start,
        EndUs = start + 90_000_000,
        Device = device,
        Channel = "organic",
        Country = "السعودية",
        OrderedDepth = 3,
        ProductUs = start + 10,
        CartUs = null,
        CheckoutUs = start + 30,
        PurchaseUs = null,
        OpenMask = 0b1011,
        StepMask = 6,
        LastStep = 2,
        SignalMask = 4,
        ExitSignal = 4,
        LastEventName = "add_payment_info",
        CartValue = 129.95,
        CartItems = 3,
        PurchaseValue = 0,
        EventCount = 7,
        AvgPageLoadMs = 1_234.5,
        StagePath = [1, 2, 3, 4, 5, 6, 7, 8, 9],
    };

    [Fact]
    public async Task Sessions_packed_by_a_sink_come_back_from_their_blocks_value_for_value_with_ids_counted_from_each_key()
    {
        await using var db = await TempDatabase.CreateAsync(EventEngine.Blocks);
        var store = await db.Stores.GetOrCreateAsync("sessions");
        var first = FunnelInsight.Core.Storage.StoreRowIds.First(store.Id) + 1;
        var sessions = Enumerable.Range(0, SessionBlockFormat.MaxSessions + 3)
            .Select(i => Summary("S" + i, 1_700_000_000_000_000 - (i % 5 * 7_000_000), i % 3 == 0 ? null : "mobile"))
            .ToList();
        // Values the common case leaves out: negative and -0.0 amounts, every optional time, no page load, an empty path.
        var odd = sessions[^1];
        (odd.CartValue, odd.PurchaseValue, odd.CartUs, odd.PurchaseUs, odd.AvgPageLoadMs, odd.StagePath, odd.Device) =
            (-0.0, -12.5, odd.StartUs - 5, odd.StartUs + 1, null, [], "");
        await using (var connection = await db.Database.OpenAsync())
        {
            using var transaction = connection.BeginTransaction();
            var sink = new SessionBlockSink();
            sessions.ForEach(sink.Session);
            using var writer = new SessionBlockWriter(connection);
            var key = first;
            foreach (var (data, count) in sink.Blocks())
            {
                writer.Insert(key, count, data);
                key += count;
            }

            transaction.Commit();
        }

        var stored = await db.SessionsAsync();

        Assert.Equal(2, await db.CountAsync("SELECT COUNT(*) FROM SessionBlocks"));
        Assert.Equal(Enumerable.Range(0, sessions.Count).Select(i => first + i), stored.Select(s => s.Id));
        Assert.Equal(
            sessions.Select(s => (s.SessionKey, s.VisitorKey, s.StartUs, s.EndUs, s.Device, s.Channel, s.Country, s.OrderedDepth, s.ProductUs, s.CartUs, s.CheckoutUs, s.PurchaseUs)),
            stored.Select(s => (s.Session, s.Visitor, s.StartUs, s.EndUs, s.Device, s.Channel, s.Country, s.Depth, s.ProductUs, s.CartUs, s.CheckoutUs, s.PurchaseUs)));
        Assert.Equal(
            sessions.Select(s => (s.OpenMask, s.StepMask, s.LastStep, s.SignalMask, s.ExitSignal, s.LastEventName, s.CartItems, s.EventCount, s.AvgPageLoadMs)),
            stored.Select(s => (s.OpenMask, s.StepMask, s.LastStep, s.SignalMask, s.ExitSignal, s.LastEvent, s.CartItems, s.Events, s.AvgLoad)));
        Assert.Equal(sessions.Select(s => BitConverter.DoubleToInt64Bits(s.CartValue)), stored.Select(s => BitConverter.DoubleToInt64Bits(s.CartValue)));
        Assert.Equal(sessions.Select(s => s.PurchaseValue), stored.Select(s => s.PurchaseValue));
        Assert.Equal(sessions.Select(s => s.StagePath), stored.Select(s => s.StagePath));
    }

    [Fact]
    public void Ids_must_grow_within_a_block()
    {
        var encoder = new SessionBlockEncoder();
        encoder.Add(10, Summary("A", 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Add(10, Summary("B", 2)));
    }
}
