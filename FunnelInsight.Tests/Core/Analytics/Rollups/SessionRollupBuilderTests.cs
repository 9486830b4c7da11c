using FunnelInsight.Core.Analytics.Rollups;
using static FunnelInsight.Tests.Support.Fixture;

namespace FunnelInsight.Tests.Core.Analytics.Rollups;

public class SessionRollupBuilderTests
{
    private sealed record Rollup(
        string Session, string Visitor, long Start, long End, string? Device, string? Channel, string? Country, int Depth,
        long? ProductUs, long? CartUs, long? CheckoutUs, long? PurchaseUs, int OpenMask, int StepMask, int LastStep,
        int SignalMask, int ExitSignal, string LastEvent, double CartValue, int CartItems, double PurchaseValue, int Events,
        double? AvgLoad, FunnelStage[] Path);

    private static async Task<IReadOnlyList<Rollup>> Rollups(TempDatabase db) =>
        (await db.SessionsAsync()).OrderBy(s => s.Session, StringComparer.Ordinal).Select(s => new Rollup(
            s.Session, s.Visitor, s.StartUs, s.EndUs, s.Device, s.Channel, s.Country, s.Depth, s.ProductUs, s.CartUs, s.CheckoutUs,
            s.PurchaseUs, s.OpenMask, s.StepMask, s.LastStep, s.SignalMask, s.ExitSignal, s.LastEvent, s.CartValue, s.CartItems,
            s.PurchaseValue, s.Events, s.AvgLoad, [.. SessionRollup.ReadPath(s.StagePath).Select(p => p.Stage)])).ToList();

    [Fact]
    public async Task A_purchasing_session_through_every_step_rolls_up_to_hand_computed_values()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"));

        var s1 = (await Rollups(db))[0];

        Assert.Equal(("S1", "V1", Us(2025, 3, 1, 10, 0, 0), Us(2025, 3, 1, 10, 5, 0)), (s1.Session, s1.Visitor, s1.Start, s1.End));
        Assert.Equal(("desktop", "organic", "SA", 4), (s1.Device, s1.Channel, s1.Country, s1.Depth));
        Assert.Equal([Us(2025, 3, 1, 10, 0, 20), Us(2025, 3, 1, 10, 1, 0), Us(2025, 3, 1, 10, 2, 0), Us(2025, 3, 1, 10, 5, 0)], new[] { s1.ProductUs, s1.CartUs, s1.CheckoutUs, s1.PurchaseUs });
        Assert.Equal(0b11111, s1.OpenMask);
        Assert.Equal((1 << (int)CheckoutStep.ShippingInfo) | (1 << (int)CheckoutStep.PaymentInfo), s1.StepMask);
        Assert.Equal((int)CheckoutStep.PaymentInfo, s1.LastStep);

        // Cart 20.00 × 2; purchase 45.50 × 1; page loads (1200 + 800 + 1000 + 1400) / 4.
        Assert.Equal((40.0, 2, 45.5, 7, 1100.0), (s1.CartValue, s1.CartItems, s1.PurchaseValue, s1.Events, s1.AvgLoad));
        // The shipping and payment sub-steps are checkout events too, so the visitor path holds them after begin_checkout.
        Assert.Equal([FunnelStage.Landing, FunnelStage.Product, FunnelStage.Cart, FunnelStage.Checkout, FunnelStage.Checkout, FunnelStage.Checkout, FunnelStage.Purchase], s1.Path);
    }

    [Fact]
    public async Task A_checkout_abandoned_after_a_failed_coupon_keeps_its_cart_removals_and_exit_signal()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"));

        var s2 = (await Rollups(db))[1];

        Assert.Equal(("S2", 3, null), (s2.Session, s2.Depth, s2.PurchaseUs));
        Assert.Equal(0b01111, s2.OpenMask);

        // 15.00 × 1 + 5.00 × 3 − 5.00 × 1 = 25.00 over 1 + 3 − 1 = 3 items.
        Assert.Equal((25.0, 3, 0.0), (s2.CartValue, s2.CartItems, s2.PurchaseValue));
        Assert.Equal((1 << (int)CheckoutStep.Coupon, (int)CheckoutStep.Coupon), (s2.StepMask, s2.LastStep));
        Assert.Equal((int)(EventSignal.RemoveFromCart | EventSignal.CouponFailed), s2.SignalMask);
        Assert.Equal(((int)EventSignal.CouponFailed, "coupon_failed"), (s2.ExitSignal, s2.LastEvent));
        Assert.Equal(2800.0, s2.AvgLoad);
    }

    [Fact]
    public async Task A_session_landing_on_a_product_page_reaches_product_and_stops_at_the_first_missing_stage()
    {
        await using var db = await TempDatabase.CreateAsync();
        await db.ImportAsync(ImportKind.Events, Path("canonical-events.csv"));

        var s3 = (await Rollups(db))[2];

        // view_item and add_to_cart share a time: file order decides. No checkout event: the ordered funnel
        // stops at cart although a purchase follows; the open funnel still counts the purchase.
        Assert.Equal(("S3", "S3", 2, Us(2025, 3, 2, 9, 0, 0)), (s3.Session, s3.Visitor, s3.Depth, s3.CartUs));
        Assert.Null(s3.CheckoutUs);
        Assert.Null(s3.PurchaseUs);
        Assert.Equal(0b10111, s3.OpenMask);
        Assert.Equal((20.0, 1, 20.0, null), (s3.CartValue, s3.CartItems, s3.PurchaseValue, s3.AvgLoad));
        Assert.Equal([FunnelStage.Product, FunnelStage.Cart, FunnelStage.Purchase], s3.Path);
    }

    private const long Minute = 60_000_000;

    private static List<SessionSummary> Build(params StoredGroupEvent[] events)
    {
        var sessions = new List<SessionSummary>();
        var builder = new SessionRollupBuilder(StageMap.Default, TimeSpan.FromMinutes(30), TrackedStages.All, sessions.Add);
        foreach (var e in events)
        {
            builder.Add(e);
        }

        builder.Complete();
        Assert.Equal(sessions.Count, builder.Sessions);
        return sessions;
    }

    private static StoredGroupEvent Event(string? session, string visitor, long timeUs, string name) =>
        new(session is not null, session ?? visitor, visitor, timeUs, name, null, null, null, null, null, null);

    [Fact]
    public void A_visitor_without_session_ids_is_cut_at_the_timeout_and_a_session_id_of_the_same_text_stays_apart()
    {
        var sessions = Build(
            Event(null, "u1", 0, "session_start"),
            Event(null, "u1", 30 * Minute, "view_item"),
            Event(null, "u1", (61 * Minute) + 1, "session_start"),
            Event("u1", "someone", 0, "session_start"));

        // 30 minutes apart is within the timeout; 31 minutes and a microsecond is past it.
        Assert.Equal(
            [("u1#0", "u1", 2, false), ($"u1#{(61 * Minute) + 1}", "u1", 1, false), ("u1", "someone", 1, true)],
            sessions.Select(s => (s.SessionKey, s.VisitorKey, s.EventCount, s.FromSessionId)));
    }

    [Fact]
    public void A_session_id_keeps_its_events_together_however_far_apart_and_takes_the_visitor_of_its_first_event()
    {
        var sessions = Build(
            Event("s1", "v1", 0, "session_start"),
            Event("s1", "v2", 5 * 60 * Minute, "add_to_cart"));

        var s = Assert.Single(sessions);
        Assert.Equal(("s1", "v1", 2, 0L, 5 * 60 * Minute), (s.SessionKey, s.VisitorKey, s.EventCount, s.StartUs, s.EndUs));
    }

    [Fact]
    public void Text_fields_keep_missing_apart_from_empty_and_arrive_as_written()
    {
        var s = Assert.Single(Build(new StoredGroupEvent(true, "جلسة-١", "زائر", 0, "add_to_cart", 12.5, 2, "mobile", "", null, 900)));

        Assert.Equal(("جلسة-١", "زائر", "mobile", "", null), (s.SessionKey, s.VisitorKey, s.Device, s.Channel, s.Country));
        Assert.Equal((25.0, 2, 900.0), (s.CartValue, s.CartItems, s.AvgPageLoadMs));
    }

    [Fact]
    public void Events_of_a_session_out_of_time_order_are_refused_rather_than_rolled_up_wrong()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(
            Event("s1", "v1", Minute, "view_item"),
            Event("s1", "v1", 0, "session_start")));

        Assert.Contains("out of time order", error.Message, StringComparison.Ordinal);
    }
}
