using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports;

/// <summary>A bunit context for the report components: MudBlazor, localisation and a chosen culture, restored afterwards.</summary>
public abstract class ReportComponentTest : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected ReportComponentTest()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        UseCulture("en");
    }

    /// <summary>Formats and translates as a circuit in <paramref name="name"/> would.</summary>
    protected static void UseCulture(string name) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose only asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        base.Dispose(disposing);
    }
}
