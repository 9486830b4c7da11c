namespace FunnelInsight.Tests.Web.Services;

public class StoreRouteTests
{
    [Theory]
    [InlineData("http://localhost:5080/stores/12/imports", 12)]
    [InlineData("/stores/3", 3)]
    [InlineData("/stores/45/funnel?mode=open", 45)]
    public void The_store_id_is_read_from_a_store_scoped_url(string url, int expected) =>
        Assert.Equal(expected, StoreRoute.StoreId(url));

    [Theory]
    [InlineData("http://localhost:5080/")]
    [InlineData("/stores/abc/imports")]
    [InlineData("/storesx/4/imports")]
    public void A_url_outside_any_store_has_no_store_id(string url) => Assert.Null(StoreRoute.StoreId(url));

    [Fact]
    public void Switching_store_keeps_the_page_and_its_query() =>
        Assert.Equal("/stores/9/funnel?mode=open&device=mobile", StoreRoute.SwitchStore("/stores/12/funnel?mode=open&device=mobile", 9));

    [Fact]
    public void Switching_store_from_outside_a_store_opens_its_default_page() =>
        Assert.Equal("/stores/9/overview", StoreRoute.SwitchStore("/", 9));
}
