namespace FunnelInsight.Core.Samples;

/// <summary>The fixed vocabulary of generated stores: devices, channels, countries and their mix and effect.</summary>
internal static class SampleCatalog
{
    public static readonly string[] Devices = ["mobile", "desktop", "tablet"];
    public static readonly double[] DeviceWeights = [0.58, 0.34, 0.08];

    /// <summary>How much each device's visitors move on at every step (mobile checkouts convert worse).</summary>
    public static readonly double[] DeviceFactor = [0.78, 1.15, 0.95];

    /// <summary>Typical page load per device, in milliseconds (the median of a log-normal).</summary>
    public static readonly double[] DeviceLoadMs = [2300, 1200, 1700];

    public static readonly string[] Channels = ["organic", "paid_search", "email", "social", "direct"];
    public static readonly double[] ChannelWeights = [0.36, 0.24, 0.10, 0.14, 0.16];
    public static readonly double[] ReturningChannelWeights = [0.22, 0.12, 0.26, 0.08, 0.32];
    public static readonly double[] ChannelFactor = [0.97, 1.0, 1.3, 0.7, 1.15];

    /// <summary>Countries, with the Arabic-speaking markets the merchants we serve sell to.</summary>
    public static readonly string[] Countries = ["US", "GB", "DE", "FR", "SA", "AE", "EG", "MA", "QA", "KW", "JO", "IN", "CA", "NL"];
    public static readonly double[] CountryWeights = [0.22, 0.10, 0.07, 0.05, 0.12, 0.10, 0.07, 0.05, 0.03, 0.03, 0.02, 0.05, 0.06, 0.03];

    /// <summary>Products in the catalogue; product <c>i</c> has a fixed price and a Zipf-like popularity.</summary>
    public const int ProductCount = 400;

    /// <summary>The price of product <paramref name="index"/> in cents: a spread from 4.99 to about 300, ending in .99.</summary>
    public static long ProductPriceCents(int index)
    {
        var step = (index * 7919) % ProductCount;
        var dollars = 5 * Math.Pow(60, step / (double)ProductCount);
        return ((long)dollars * 100) - 1;
    }

    public static string ProductId(int index) => "P" + (1000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A product drawn with popular products (low index) far more likely.</summary>
    public static int PickProduct(SampleRandom random) => (int)(ProductCount * Math.Pow(random.NextDouble(), 2.2));
}
