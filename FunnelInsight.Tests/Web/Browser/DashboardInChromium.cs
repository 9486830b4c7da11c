namespace FunnelInsight.Tests.Web.Browser;

/// <summary>The browser tests share one running dashboard and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardInChromium : ICollectionFixture<DashboardApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Dashboard in Chromium";
}
