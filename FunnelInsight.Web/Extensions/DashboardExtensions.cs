using FunnelInsight.Core.Import;
using FunnelInsight.Core.Stores;
using FunnelInsight.Web.Endpoints;
using FunnelInsight.Web.Services;
using FunnelInsight.Web.Services.Importing;
using MudBlazor.Services;

namespace FunnelInsight.Web.Extensions;

/// <summary>Wires up the dashboard: UI, languages and the background import queue (store access and uploads are in <see cref="AccountsExtensions"/>).</summary>
public static class DashboardExtensions
{
    /// <summary>Registers the dashboard's services.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMudServices();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new(DashboardCultures.Cultures[0]);
            options.SupportedCultures = [.. DashboardCultures.Cultures];
            options.SupportedUICultures = [.. DashboardCultures.Cultures];

            // The language comes from the cookie the language switch sets (then the browser's), never from the URL.
            options.RequestCultureProviders.RemoveAt(0);
        });

        services.AddSingleton<ImportHistory>();
        services.AddSingleton<StoreSettingsService>();
        services.AddSingleton<SavedFunnels>();
        services.AddSingleton<SavedViews>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportWorker>();
        services.AddHostedService<AnalyticsWarmup>();
        services.AddReports();
        return builder;
    }

    /// <summary>Adds the dashboard's middleware and the language endpoint; call before the Razor components are mapped.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.MapCultureEndpoint();
        return app;
    }
}
