namespace FunnelInsight.Core.Import;

/// <summary>The kinds of file a store imports.</summary>
public enum ImportKind
{
    /// <summary>Behavioural events (page views, carts, checkouts, purchases).</summary>
    Events = 0,

    /// <summary>Orders (one row per order or per order line).</summary>
    Orders = 1,
}
