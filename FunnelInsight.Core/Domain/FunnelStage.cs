namespace FunnelInsight.Core.Domain;

/// <summary>The five funnel stages, in the order a buyer passes them.</summary>
public enum FunnelStage
{
    /// <summary>The session arrived on the store.</summary>
    Landing = 0,

    /// <summary>A product page was viewed.</summary>
    Product = 1,

    /// <summary>Something was added to the cart.</summary>
    Cart = 2,

    /// <summary>Checkout was started.</summary>
    Checkout = 3,

    /// <summary>An order was placed.</summary>
    Purchase = 4,
}
