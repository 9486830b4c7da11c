namespace FunnelInsight.Core.Samples;

/// <summary>
/// Plays out one shopping session at a time: a landing, product views, a cart, and a checkout with its
/// sub-steps, each step taken or abandoned with odds that depend on the device, channel, page speed and
/// whether the visitor has been before. The odds are set so cart abandonment lands near the usual ~70%.
/// </summary>
internal sealed class SessionSimulator(SampleRandom random)
{
    private readonly List<SampleEvent> _events = new(64);
    private long _orderNumber = 100_000;
    private long _clock;
    private double _baseLoad;

    /// <summary>The events of the session just simulated, in time order.</summary>
    public IReadOnlyList<SampleEvent> Events => _events;

    public void Simulate(long startSeconds, SampleVisitor visitor, int device, int channel)
    {
        _events.Clear();
        _clock = startSeconds;
        _baseLoad = random.LogNormal(SampleCatalog.DeviceLoadMs[device], 0.45);

        // Each second of load past the first costs ~7% of the visitors at every page.
        var speed = Math.Max(0.35, 1 - (0.07 * Math.Max(0, (_baseLoad - 1000) / 1000)));
        var returning = visitor.Sessions > 1;
        var intent = SampleCatalog.DeviceFactor[device] * SampleCatalog.ChannelFactor[channel] * (returning ? 1.2 : 1.0);
        if (!returning)
        {
            Page("first_visit");
        }

        Page("session_start");
        if (random.Chance(0.45))
        {
            Page("view_item_list");
        }

        if (!random.Chance(0.62 * speed))
        {
            return;
        }

        var viewed = ViewProducts();
        if (!random.Chance(Math.Min(0.9, 0.2 * intent * speed)))
        {
            return;
        }

        var (cartCents, items) = FillCart(viewed);
        if (items == 0 || !random.Chance(Math.Min(0.95, 0.5 * Math.Sqrt(intent) * speed)))
        {
            return;
        }

        Add("begin_checkout", page: true, price: cartCents);
        if (Checkout(returning, device == 0, speed))
        {
            Add("purchase", page: true, price: cartCents, order: ++_orderNumber);
        }
    }

    private List<int> ViewProducts()
    {
        var viewed = new List<int>(4);
        do
        {
            var product = SampleCatalog.PickProduct(random);
            viewed.Add(product);
            Add("view_item", page: true, product, SampleCatalog.ProductPriceCents(product));
        }
        while (viewed.Count < 8 && random.Chance(0.5));

        return viewed;
    }

    private (long Cents, int Items) FillCart(List<int> viewed)
    {
        long cents = 0;
        var items = 0;
        var lines = random.Chance(0.3) ? 2 : 1;
        for (var i = 0; i < lines; i++)
        {
            var product = viewed[random.Next(viewed.Count)];
            var price = SampleCatalog.ProductPriceCents(product);
            var quantity = random.Chance(0.8) ? 1 : 2 + random.Next(2);
            Add("add_to_cart", page: false, product, price, quantity);
            cents += price * quantity;
            items += quantity;
            if (random.Chance(0.1))
            {
                Add("remove_from_cart", page: false, product, price, quantity);
                cents -= price * quantity;
                items -= quantity;
            }
        }

        return (cents, items);
    }

    /// <summary>The checkout sub-steps; true when the visitor gets through all of them.</summary>
    private bool Checkout(bool returning, bool mobile, double speed)
    {
        if (random.Chance(0.5))
        {
            // A forced account step: new visitors sign up, returning ones log in; many new ones give up here.
            Page(returning ? "login" : "sign_up");
            if (random.Chance(returning ? 0.06 : 0.2))
            {
                return false;
            }
        }

        // Shipping costs appear here: the surprise-cost drop, worse on slow pages.
        Page("add_shipping_info");
        if (random.Chance(0.17 / speed))
        {
            return false;
        }

        if (random.Chance(0.22))
        {
            Add("add_coupon", page: false);
            if (random.Chance(0.4))
            {
                Add("coupon_failed", page: false);
                if (random.Chance(0.35))
                {
                    return false;
                }
            }
        }

        Page("add_payment_info");
        if (random.Chance(mobile ? 0.14 : 0.07))
        {
            return false;
        }

        if (random.Chance(0.06))
        {
            Add("payment_failed", page: false);
            if (random.Chance(0.45))
            {
                return false;
            }

            Add("add_payment_info", page: false);
        }

        return true;
    }

    private void Page(string name) => Add(name, page: true);

    private void Add(string name, bool page, int product = -1, long? price = null, int? quantity = null, long? order = null)
    {
        _clock += 3 + (long)random.Exponential(page ? 35 : 12);
        int? load = page ? (int)Math.Min(30_000, random.LogNormal(_baseLoad, 0.25)) : null;
        _events.Add(new SampleEvent(_clock, name, product, price, quantity, order, load));
    }
}
