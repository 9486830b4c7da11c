namespace FunnelInsight.Tests.Core.Analytics.Funnel;

public sealed class ConversionTimeHistogramTests
{
    // Landing → purchase 30, 59, 60, 299, 300 and 7,200 s (the last kept in one session by an event every 25 min);
    // checkout → purchase 20, 29, 10, 59, 240 and 60 s; session g checks out and never buys.
    private const string Sessions = """
        2024-03-04T10:00:00Z,session_start,a,,,,,,desktop,seo,US,
        2024-03-04T10:00:10Z,begin_checkout,a,,,,,,desktop,seo,US,
        2024-03-04T10:00:30Z,purchase,a,,p1,10,1,oa,desktop,seo,US,
        2024-03-04T11:00:00Z,session_start,b,,,,,,desktop,seo,US,
        2024-03-04T11:00:30Z,begin_checkout,b,,,,,,desktop,seo,US,
        2024-03-04T11:00:59Z,purchase,b,,p1,10,1,ob,desktop,seo,US,
        2024-03-04T12:00:00Z,session_start,c,,,,,,desktop,seo,US,
        2024-03-04T12:00:50Z,begin_checkout,c,,,,,,desktop,seo,US,
        2024-03-04T12:01:00Z,purchase,c,,p1,10,1,oc,desktop,seo,US,
        2024-03-04T13:00:00Z,session_start,d,,,,,,desktop,seo,US,
        2024-03-04T13:04:00Z,begin_checkout,d,,,,,,desktop,seo,US,
        2024-03-04T13:04:59Z,purchase,d,,p1,10,1,od,desktop,seo,US,
        2024-03-04T14:00:00Z,session_start,e,,,,,,desktop,seo,US,
        2024-03-04T14:01:00Z,begin_checkout,e,,,,,,desktop,seo,US,
        2024-03-04T14:05:00Z,purchase,e,,p1,10,1,oe,desktop,seo,US,
        2024-03-04T15:00:00Z,session_start,f,,,,,,desktop,seo,US,
        2024-03-04T15:25:00Z,scroll,f,,,,,,desktop,seo,US,
        2024-03-04T15:50:00Z,scroll,f,,,,,,desktop,seo,US,
        2024-03-04T16:15:00Z,scroll,f,,,,,,desktop,seo,US,
        2024-03-04T16:40:00Z,scroll,f,,,,,,desktop,seo,US,
        2024-03-04T16:59:00Z,begin_checkout,f,,,,,,desktop,seo,US,
        2024-03-04T17:00:00Z,purchase,f,,p1,10,1,of,desktop,seo,US,
        2024-03-04T18:00:00Z,session_start,g,,,,,,desktop,seo,US,
        2024-03-04T18:01:00Z,begin_checkout,g,,,,,,desktop,seo,US,
        """;

    [Fact]
    public async Task Purchases_fall_into_fixed_buckets_from_landing_and_from_checkout_each_end_excluded()
    {
        await using var store = await AnalyticsStore.CreateAsync(Sessions);

        var time = (await store.Analytics.FunnelAsync(store.Query)).TimeToConvert;

        Assert.Equal([0, 60, 300, 900, 1800, 3600, 10800, 86400], time.Histogram.Select(b => b.FromSeconds));
        Assert.Equal([60, 300, 900, 1800, 3600, 10800, 86400, (double?)null], time.Histogram.Select(b => b.ToSeconds));
        Assert.Equal([2L, 2, 1, 0, 0, 1, 0, 0], time.Histogram.Select(b => b.FromLanding));
        Assert.Equal([4L, 2, 0, 0, 0, 0, 0, 0], time.Histogram.Select(b => b.FromCheckout));
        // The same purchases as the median (60 + 299) / 2 and the nearest-rank p90, the 6th of 6.
        Assert.Equal((6L, 179.5, 7200.0), (time.Purchases, time.MedianLandingToPurchaseSeconds, time.P90LandingToPurchaseSeconds));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(59.999, 0)]
    [InlineData(60, 1)]
    [InlineData(86399, 6)]
    [InlineData(86400, 7)]
    [InlineData(3e7, 7)]
    public void A_time_on_an_edge_falls_into_the_bucket_it_starts(double seconds, int bucket) =>
        Assert.Equal(bucket, ConversionTimeHistogram.Bucket(seconds));

    [Fact]
    public async Task A_selection_without_purchases_has_every_bucket_empty()
    {
        await using var store = await AnalyticsStore.CreateAsync("2024-03-04T18:00:00Z,session_start,g,,,,,,desktop,seo,US,");

        var time = (await store.Analytics.FunnelAsync(store.Query)).TimeToConvert;

        Assert.Equal(8, time.Histogram.Count);
        Assert.All(time.Histogram, b => Assert.Equal((0L, 0L), (b.FromLanding, b.FromCheckout)));
    }
}
