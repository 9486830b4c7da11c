using FunnelInsight.Web.Accounts;

namespace FunnelInsight.Tests.Web.Accounts;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/stores/3/members", true)]
    [InlineData("/account/tokens?tab=1", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/stores\\..\\x", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_path_on_this_site_is_a_safe_place_to_return_to(string? url, bool expected)
    {
        Assert.Equal(expected, LocalUrl.IsLocal(url));
    }
}
