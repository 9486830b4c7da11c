using System.Collections.Frozen;

namespace FunnelInsight.Core.Domain;

/// <summary>What one event name means to the funnel.</summary>
/// <param name="Stage">The stage the event reaches, or null when it reaches none. The shipping, coupon and payment
/// sub-steps reach checkout (a checkout that sends no begin_checkout is still a checkout); sign-up and login reach nothing.</param>
/// <param name="Step">The checkout sub-step it marks.</param>
/// <param name="Signal">The friction signal it carries.</param>
public readonly record struct EventMeaning(FunnelStage? Stage, CheckoutStep Step, EventSignal Signal)
{
    /// <summary>An event that means nothing to the funnel (kept, but not counted).</summary>
    public static EventMeaning Other => new(null, CheckoutStep.None, EventSignal.None);
}

/// <summary>
/// Which event names mean which funnel stage and checkout sub-step. Names are matched without case.
/// A store can replace the default with its own (see <see cref="Parse"/>).
/// </summary>
public sealed class StageMap
{
    private readonly FrozenDictionary<string, EventMeaning> _meanings;

    private StageMap(IReadOnlyDictionary<string, EventMeaning> meanings)
    {
        _meanings = meanings.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The design's default map, with the names used by GA4, Shopify, REES46 and RetailRocket exports.</summary>
    public static StageMap Default { get; } = Parse(DefaultText);

    /// <summary>The default map as text, one line per stage or step: <c>stage: name, name</c>.</summary>
    public const string DefaultText =
        "landing: session_start, first_visit, landing\n" +
        "product: view_item, product_view, view\n" +
        "cart: add_to_cart, cart, view_cart, addtocart\n" +
        "checkout: begin_checkout, checkout\n" +
        "checkout.account: sign_up, login\n" +
        "checkout.shipping: add_shipping_info\n" +
        "checkout.coupon: add_coupon, apply_coupon\n" +
        "checkout.payment: add_payment_info\n" +
        "purchase: purchase, order_completed, transaction\n" +
        "signal.remove_from_cart: remove_from_cart\n" +
        "signal.payment_failed: payment_failed\n" +
        "signal.coupon_failed: coupon_failed";

    /// <summary>The meaning of an event name; <see cref="EventMeaning.Other"/> when the map does not know it.</summary>
    public EventMeaning Meaning(string eventName) =>
        _meanings.TryGetValue(eventName.Trim(), out var meaning) ? meaning : EventMeaning.Other;

    /// <summary>The event names that reach <paramref name="stage"/>, in order: what would make an untracked stage tracked.</summary>
    public IReadOnlyList<string> NamesReaching(FunnelStage stage) =>
        _meanings.Where(pair => pair.Value.Stage == stage).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The map's entries, for display and for saving.</summary>
    public IReadOnlyDictionary<string, EventMeaning> Entries => _meanings;

    /// <summary>
    /// Reads a map written as lines of <c>key: name, name</c>, where key is a stage (landing … purchase),
    /// <c>checkout.account|shipping|coupon|payment</c> or <c>signal.remove_from_cart|payment_failed|coupon_failed</c>.
    /// </summary>
    /// <exception cref="FormatException">A line has an unknown key or no colon.</exception>
    public static StageMap Parse(string text)
    {
        var meanings = new Dictionary<string, EventMeaning>(StringComparer.OrdinalIgnoreCase);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                throw new FormatException($"Stage map line '{line}' has no ':'.");
            }

            var meaning = KeyMeaning(line[..colon].Trim());
            foreach (var name in line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                meanings[name] = meaning;
            }
        }

        return new StageMap(meanings);
    }

    /// <summary>Writes the map in the form <see cref="Parse"/> reads.</summary>
    public string ToText() =>
        string.Join('\n', _meanings
            .GroupBy(pair => KeyOf(pair.Value))
            .OrderBy(group => KeyOrder(group.Key))
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(pair => pair.Key).Order(StringComparer.Ordinal))}"));

    private static readonly string[] Keys =
    [
        "landing", "product", "cart", "checkout", "checkout.account", "checkout.shipping", "checkout.coupon",
        "checkout.payment", "purchase", "signal.remove_from_cart", "signal.payment_failed", "signal.coupon_failed",
    ];

    private static int KeyOrder(string key) => Array.IndexOf(Keys, key);

    private static EventMeaning KeyMeaning(string key) => key.ToLowerInvariant() switch
    {
        "landing" => new(FunnelStage.Landing, CheckoutStep.None, EventSignal.None),
        "product" => new(FunnelStage.Product, CheckoutStep.None, EventSignal.None),
        "cart" => new(FunnelStage.Cart, CheckoutStep.None, EventSignal.None),
        "checkout" => new(FunnelStage.Checkout, CheckoutStep.None, EventSignal.None),
        "checkout.account" => new(null, CheckoutStep.Account, EventSignal.None),
        "checkout.shipping" => new(FunnelStage.Checkout, CheckoutStep.ShippingInfo, EventSignal.None),
        "checkout.coupon" => new(FunnelStage.Checkout, CheckoutStep.Coupon, EventSignal.None),
        "checkout.payment" => new(FunnelStage.Checkout, CheckoutStep.PaymentInfo, EventSignal.None),
        "purchase" => new(FunnelStage.Purchase, CheckoutStep.None, EventSignal.None),
        "signal.remove_from_cart" => new(null, CheckoutStep.None, EventSignal.RemoveFromCart),
        "signal.payment_failed" => new(null, CheckoutStep.None, EventSignal.PaymentFailed),
        "signal.coupon_failed" => new(null, CheckoutStep.None, EventSignal.CouponFailed),
        _ => throw new FormatException($"Unknown stage map key '{key}'. Use one of: {string.Join(", ", Keys)}."),
    };

    private static string KeyOf(EventMeaning meaning) => meaning switch
    {
        { Step: CheckoutStep.Account } => "checkout.account",
        { Step: CheckoutStep.ShippingInfo } => "checkout.shipping",
        { Step: CheckoutStep.Coupon } => "checkout.coupon",
        { Step: CheckoutStep.PaymentInfo } => "checkout.payment",
        { Stage: { } stage } => stage.ToString().ToLowerInvariant(),
        { Signal: EventSignal.RemoveFromCart } => "signal.remove_from_cart",
        { Signal: EventSignal.PaymentFailed } => "signal.payment_failed",
        _ => "signal.coupon_failed",
    };
}
