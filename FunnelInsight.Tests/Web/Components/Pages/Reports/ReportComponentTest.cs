namespace FunnelInsight.Tests.Web.Components.Pages.Reports;

/// <summary>The dashboard's bunit context, disposed asynchronously: MudBlazor's chips and menus hold services that dispose only so.</summary>
public abstract class ReportComponentTest : DashboardComponentContext, IAsyncLifetime
{
    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
