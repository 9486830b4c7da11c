namespace FunnelInsight.Core.Analytics.Friction;

/// <summary>The reference figures of the design, each with its source.</summary>
public static class ReferenceFigures
{
    /// <summary>Average documented cart abandonment rate.</summary>
    public static ReferenceFigure BaymardCartAbandonment { get; } =
        new("cart_abandonment_baymard", "Cart abandonment, average", 0.6957, "Baymard Institute");

    /// <summary>Global cart abandonment in 2017.</summary>
    public static ReferenceFigure BarillianceCartAbandonment2017 { get; } =
        new("cart_abandonment_barilliance_2017", "Cart abandonment, global 2017", 0.7865, "Barilliance");

    /// <summary>Global cart abandonment in 2016.</summary>
    public static ReferenceFigure BarillianceCartAbandonment2016 { get; } =
        new("cart_abandonment_barilliance_2016", "Cart abandonment, global 2016", 0.7724, "Barilliance");

    /// <summary>Share of visitors who view a product page.</summary>
    public static ReferenceFigure ProductViewShare { get; } =
        new("product_view_share", "Visitors who view a product page", 0.438, "Smart Insights");

    /// <summary>Share of visitors who purchase.</summary>
    public static ReferenceFigure PurchaseShare { get; } =
        new("purchase_share", "Visitors who purchase", 0.033, "Smart Insights");

    /// <summary>Shoppers who abandon on unexpected extra costs.</summary>
    public static ReferenceFigure UnexpectedCosts { get; } =
        new("unexpected_costs", "Shoppers who abandon on unexpected extra costs", 0.60, "Industry surveys (publisher not named)");

    /// <summary>Extra abandonment per second of page-load delay.</summary>
    public static ReferenceFigure PageLoadPerSecond { get; } =
        new("page_load_per_second", "Extra abandonment per second of page-load delay", 0.07, "Widely quoted industry figure (commonly attributed to Aberdeen Group)");

    /// <summary>Open rate of abandoned-cart e-mails.</summary>
    public static ReferenceFigure CartEmailOpenRate { get; } =
        new("cart_email_open_rate", "Abandoned-cart e-mails opened", 0.461, "SalesCycle");

    /// <summary>First-time buyers who buy a second time.</summary>
    public static ReferenceFigure SecondPurchase { get; } =
        new("second_purchase", "First-time buyers who buy a second time", 0.32, "Industry surveys (publisher not named)");

    /// <summary>Every figure, in display order.</summary>
    public static IReadOnlyList<ReferenceFigure> All { get; } =
    [
        BaymardCartAbandonment, BarillianceCartAbandonment2017, BarillianceCartAbandonment2016, ProductViewShare,
        PurchaseShare, UnexpectedCosts, PageLoadPerSecond, CartEmailOpenRate, SecondPurchase,
    ];
}
