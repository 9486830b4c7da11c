using System.Buffers.Binary;
using FunnelInsight.Core.Analytics.Funnel;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// Rolls one session's events, already in order of (time, line in the file), into a <see cref="SessionSummary"/>
/// with the ordered and open funnel definitions of <see cref="StageMatching"/>.
/// </summary>
public static class SessionRollup
{
    /// <summary>Bytes per entry of <see cref="SessionSummary.StagePath"/>.</summary>
    public const int PathEntrySize = 9;

    /// <summary>Builds the summary of one session.</summary>
    /// <param name="sessionKey">Session id.</param>
    /// <param name="visitorKey">Visitor id.</param>
    /// <param name="events">The session's events in order; at least one.</param>
    /// <param name="tracked">The stages the store's events track (every stage when null): the ordered funnel passes over the others.</param>
    public static SessionSummary Build(string sessionKey, string visitorKey, IReadOnlyList<SessionEvent> events, TrackedStages? tracked = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        var reachedAt = StageMatching.Ordered(events, tracked ?? TrackedStages.All);
        var depth = Array.FindLastIndex(reachedAt, position => position >= 0);
        var checkoutAt = reachedAt[(int)FunnelStage.Checkout];
        var purchaseAt = reachedAt[(int)FunnelStage.Purchase];

        var summary = new SessionSummary
        {
            SessionKey = sessionKey,
            VisitorKey = visitorKey,
            StartUs = events[0].TimeUs,
            EndUs = events[^1].TimeUs,
            OrderedDepth = depth,
            ProductUs = TimeAt(events, reachedAt[(int)FunnelStage.Product]),
            CartUs = TimeAt(events, reachedAt[(int)FunnelStage.Cart]),
            CheckoutUs = TimeAt(events, checkoutAt),
            PurchaseUs = TimeAt(events, purchaseAt),
            LastEventName = events[^1].EventName,
            ExitSignal = (int)events[^1].Meaning.Signal,
            EventCount = events.Count,
            StagePath = StagePath(events),
        };

        double cartValue = 0, purchaseValue = 0, pageLoadSum = 0;
        int cartItems = 0, pageLoads = 0, stepMask = 0, signalMask = 0, lastStep = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var evt = events[i];
            var meaning = evt.Meaning;
            summary.Device ??= evt.Device;
            summary.Channel ??= evt.Channel;
            summary.Country ??= evt.Country;
            signalMask |= (int)meaning.Signal;
            var quantity = evt.Quantity ?? 1;
            if (AddsToCart(evt))
            {
                cartValue += (evt.Price ?? 0) * quantity;
                cartItems += quantity;
            }
            else if (meaning.Signal == EventSignal.RemoveFromCart)
            {
                cartValue -= (evt.Price ?? 0) * quantity;
                cartItems -= quantity;
            }
            else if (meaning.Stage == FunnelStage.Purchase && evt.Price is { } paidPrice)
            {
                purchaseValue += paidPrice * quantity;
            }

            // A sub-step counts from the event that reached checkout on, itself included when it is the one that did.
            if (meaning.Step != CheckoutStep.None && checkoutAt >= 0 && i >= checkoutAt && (purchaseAt < 0 || i < purchaseAt))
            {
                stepMask |= 1 << (int)meaning.Step;
                lastStep = (int)meaning.Step;
            }

            if (evt.PageLoadMs is { } load)
            {
                pageLoadSum += load;
                pageLoads++;
            }
        }

        summary.OpenMask = StageMatching.Open(events);
        summary.StepMask = stepMask;
        summary.LastStep = lastStep;
        summary.SignalMask = signalMask;
        summary.CartValue = Math.Max(0, cartValue);
        summary.CartItems = Math.Max(0, cartItems);
        summary.PurchaseValue = purchaseValue;
        summary.AvgPageLoadMs = pageLoads > 0 ? pageLoadSum / pageLoads : null;
        return summary;
    }

    /// <summary>Reads a <see cref="SessionSummary.StagePath"/> back as (time, stage) pairs.</summary>
    public static IEnumerable<(long TimeUs, FunnelStage Stage)> ReadPath(byte[] path)
    {
        for (var offset = 0; offset + PathEntrySize <= path.Length; offset += PathEntrySize)
        {
            yield return (BinaryPrimitives.ReadInt64LittleEndian(path.AsSpan(offset)), (FunnelStage)path[offset + 8]);
        }
    }

    /// <summary>
    /// True for an event that puts items in the cart: a cart-stage event other than <c>view_cart</c>, which
    /// looks at the cart (GA4 sends it with the cart's items) and would count them twice.
    /// </summary>
    public static bool AddsToCart(SessionEvent evt) =>
        evt.Meaning.Stage == FunnelStage.Cart && !evt.EventName.Trim().Equals("view_cart", StringComparison.OrdinalIgnoreCase);

    private static long? TimeAt(IReadOnlyList<SessionEvent> events, int position) =>
        position >= 0 ? events[position].TimeUs : null;

    // The landing (the first event) and every later stage event, so a visitor's sessions can be replayed in order.
    private static byte[] StagePath(IReadOnlyList<SessionEvent> events)
    {
        var count = 1;
        for (var i = 1; i < events.Count; i++)
        {
            count += events[i].Meaning.Stage is null ? 0 : 1;
        }

        var path = new byte[count * PathEntrySize];
        var offset = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var stage = events[i].Meaning.Stage;
            if (i > 0 && stage is null)
            {
                continue;
            }

            BinaryPrimitives.WriteInt64LittleEndian(path.AsSpan(offset), events[i].TimeUs);
            path[offset + 8] = (byte)(stage ?? FunnelStage.Landing);
            offset += PathEntrySize;
        }

        return path;
    }
}
