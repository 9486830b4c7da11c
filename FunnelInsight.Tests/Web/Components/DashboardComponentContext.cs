using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FunnelInsight.Tests.Web.Components;

/// <summary>
/// A bunit context set up as the dashboard is: MudBlazor, the UI text, loose JS interop, and English as the
/// thread's culture (as a circuit has its culture), put back when the test ends.
/// </summary>
public abstract class DashboardComponentContext : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected DashboardComponentContext()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        UseCulture("en");
    }

    /// <summary>Renders as a circuit in <paramref name="name"/> would.</summary>
    protected static void UseCulture(string name) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = FunnelInsight.Web.Services.DashboardCultures.Create(name);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        base.Dispose(disposing);
    }
}
