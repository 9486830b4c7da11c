using System.Security.Claims;
using FunnelInsight.Web.Accounts;
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

    /// <summary>
    /// Renders as <paramref name="email"/> (user <paramref name="userId"/>) signed in, who sees the stores
    /// <paramref name="memberships"/> in <paramref name="database"/> make them a member of.
    /// </summary>
    protected void SignInMember(FunnelDatabase database, StoreMemberships memberships, string email, string userId)
    {
        Services.AddSingleton(database);
        Services.AddSingleton(memberships);
        Services.AddSingleton<IStoreAccess, MembershipStoreAccess>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(email);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        base.Dispose(disposing);
    }
}
