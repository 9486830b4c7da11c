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
    [InlineData("/\u3000/evil.example", false)]
    [InlineData("/x\r\nSet-Cookie: a=b", false)]
    [InlineData("/stores/1/funnel?channel=%D8%A8%D8%AD%D8%AB", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_path_on_this_site_is_a_safe_place_to_return_to(string? url, bool expected)
    {
        Assert.Equal(expected, LocalUrl.IsLocal(url));
    }
}
