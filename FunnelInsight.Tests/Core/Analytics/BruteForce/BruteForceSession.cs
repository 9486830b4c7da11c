namespace FunnelInsight.Tests.Core.Analytics.BruteForce;

/// <summary>One session worked out by plain loops over its raw events, straight from the design's definitions.</summary>
internal sealed class BruteForceSession
{
    private static readonly Dictionary<string, int> Stages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["session_start"] = 0,
        ["first_visit"] = 0,
        ["landing"] = 0,
        ["view_item"] = 1,
        ["product_view"] = 1,
        ["view"] = 1,
        ["add_to_cart"] = 2,
        ["cart"] = 2,
        ["view_cart"] = 2,
        ["addtocart"] = 2,
        ["begin_checkout"] = 3,
        ["checkout"] = 3,

        // The shipping, coupon and payment sub-steps reach checkout too; sign-up and login reach nothing.
        ["add_shipping_info"] = 3,
        ["add_coupon"] = 3,
        ["apply_coupon"] = 3,
        ["add_payment_info"] = 3,
        ["purchase"] = 4,
        ["order_completed"] = 4,
        ["transaction"] = 4,
    };

    private static readonly Dictionary<string, int> Steps = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sign_up"] = 1,
        ["login"] = 1,
        ["add_shipping_info"] = 2,
        ["add_coupon"] = 3,
        ["apply_coupon"] = 3,
        ["add_payment_info"] = 4,
    };

    /// <param name="events">The session's events, in any order.</param>
    /// <param name="tracked">Bit k set when stage k is tracked in the store (some event of the store is of stage k).</param>
    public BruteForceSession(List<RawEvent> events, int tracked)
    {
        Events = events.OrderBy(e => e.Time).ThenBy(e => e.Line).ToList();
        Key = Events[0].Session;
        Visitor = Events[0].Visitor;
        Start = Events[0].Time;
        Device = Events.Select(e => e.Device).FirstOrDefault(v => v is not null);
        Channel = Events.Select(e => e.Channel).FirstOrDefault(v => v is not null);
        Country = Events.Select(e => e.Country).FirstOrDefault(v => v is not null);
        ReachedAt = Greedy(Events.Select(StageOf).ToList(), tracked);
        Depth = Array.FindLastIndex(ReachedAt, p => p >= 0);
        OpenMask = 1;
        foreach (var e in Events)
        {
            OpenMask |= StageOf(e) is { } stage ? 1 << stage : 0;
            var amount = (double)(e.Price ?? 0) * (e.Quantity ?? 1);
            if (StageOf(e) == 2 && !e.Name.Equals("view_cart", StringComparison.OrdinalIgnoreCase))
            {
                CartValue += amount;
                CartItems += e.Quantity ?? 1;
            }
            else if (e.Name.Equals("remove_from_cart", StringComparison.OrdinalIgnoreCase))
            {
                CartValue -= amount;
                CartItems -= e.Quantity ?? 1;
            }
            else if (StageOf(e) == 4)
            {
                PurchaseValue += amount;
            }
        }

        CartValue = Math.Max(0, CartValue);
        CartItems = Math.Max(0, CartItems);
        for (var i = Math.Max(ReachedAt[3], 0); ReachedAt[3] >= 0 && i < Events.Count && (ReachedAt[4] < 0 || i < ReachedAt[4]); i++)
        {
            LastStep = Steps.GetValueOrDefault(Events[i].Name, LastStep);
        }
    }

    public List<RawEvent> Events { get; }
    public string Key { get; }
    public string Visitor { get; }
    public DateTime Start { get; }
    public string? Device { get; }
    public string? Channel { get; }
    public string? Country { get; }
    public int[] ReachedAt { get; }
    public int Depth { get; }
    public int OpenMask { get; }
    public double CartValue { get; }
    public int CartItems { get; }
    public double PurchaseValue { get; }
    public int LastStep { get; }

    public static int? StageOf(RawEvent e) => Stages.TryGetValue(e.Name, out var stage) ? stage : null;

    /// <summary>
    /// The position reaching each stage: landing at 0, then, for each tracked stage in turn, the first event of that
    /// stage at or after the one that reached the previous tracked stage; an untracked stage stays at -1 and is skipped.
    /// </summary>
    public static int[] Greedy(IReadOnlyList<int?> stages, int tracked)
    {
        int[] reached = [0, -1, -1, -1, -1];
        var from = 0;
        for (var k = 1; k <= 4; k++)
        {
            if ((tracked >> k & 1) == 0)
            {
                continue;
            }

            var found = -1;
            for (var i = from; i < stages.Count; i++)
            {
                if (stages[i] == k)
                {
                    found = i;
                    break;
                }
            }

            if (found < 0)
            {
                break;
            }

            reached[k] = found;
            from = found;
        }

        return reached;
    }
}
