namespace FunnelInsight.Tests.Core.Analytics.Segments;

public class SegmentComparisonTests
{
    /// <summary>100 mobile and 100 desktop sessions that all view a product; 25 mobile and 40 desktop add to cart.</summary>
    private static string MobileAndDesktop()
    {
        var rows = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            var device = i < 100 ? "mobile" : "desktop";
            var carts = i < 100 ? i < 25 : i < 140;
            rows.AppendLine(CultureInfo.InvariantCulture, $"2024-03-04T10:00:00Z,session_start,s{i},,,,,,{device},,,");
            rows.AppendLine(CultureInfo.InvariantCulture, $"2024-03-04T10:01:00Z,view_item,s{i},,,,,,{device},,,");
            if (carts)
            {
                rows.AppendLine(CultureInfo.InvariantCulture, $"2024-03-04T10:02:00Z,add_to_cart,s{i},,,,,,{device},,,");
            }
        }

        return rows.ToString();
    }

    [Fact]
    public async Task Mobile_and_desktop_cart_conversion_differ_with_p_below_0_05()
    {
        await using var store = await AnalyticsStore.CreateAsync(MobileAndDesktop());
        var comparison = await store.Analytics.CompareAsync(store.Query with { Device = "desktop" }, store.Query with { Device = "mobile" });
        var cart = comparison.Steps.Single(s => s.Name == "cart");
        var product = comparison.Steps.Single(s => s.Name == "product");

        Assert.Equal(0.15, cart.Difference, 12);
        Assert.Equal(0.02354, cart.PValue, 4);
        Assert.True(cart.IsDifferent);
        Assert.False(product.IsDifferent);
        Assert.Equal(1, product.PValue);
    }

    [Fact]
    public async Task Two_periods_without_a_real_difference_are_not_called_different()
    {
        await using var store = await AnalyticsStore.CreateAsync(MobileAndDesktop());
        var comparison = await store.Analytics.CompareAsync(
            store.Query with { Device = "mobile" },
            store.Query with { Device = "mobile", From = new DateOnly(2024, 3, 4), To = new DateOnly(2024, 3, 4) });

        Assert.All(comparison.Steps, step => Assert.False(step.IsDifferent));
        Assert.Equal(100, comparison.Second.Landed);
    }
}
