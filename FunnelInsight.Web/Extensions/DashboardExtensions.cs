using FunnelInsight.Core.Import.Jobs;
using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Endpoints;
using FunnelInsight.Web.Services.Importing;
using MudBlazor.Services;

namespace FunnelInsight.Web.Extensions;

/// <summary>Wires up the dashboard: UI, languages and the background import queue (this process's own, or the shared jobs table) (store access and uploads are in <see cref="AccountsExtensions"/>).</summary>
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
        services.AddSingleton(ImportQueue);
        services.AddHostedService<ImportWorker>();
        services.AddHostedService<SharedJobWatch>();
        services.AddHostedService<AnalyticsWarmup>();
        services.AddReports();
        return builder;
    }

    // This process's own queue on SQLite; on PostgreSQL the shared jobs table, claimed under this instance's own name.
    private static ImportJobs ImportQueue(IServiceProvider services)
    {
        var database = services.GetRequiredService<FunnelDatabase>();
        if (!database.Provider.SharesImportJobs)
        {
            return new ImportJobs();
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var lease = TimeSpan.FromSeconds(configuration.GetValue("Imports:LeaseSeconds", 30.0));
        var instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var jobs = new SharedImportJobs(database, services.GetRequiredService<UploadGuard>().Folder);
        return new ImportJobs(new SharedImportRunner(database, jobs, services.GetRequiredService<ImportService>(), instance, lease,
            services.GetRequiredService<ILogger<SharedImportRunner>>())
        {
            Poll = TimeSpan.FromSeconds(configuration.GetValue("Imports:PollSeconds", 2.0)),
        });
    }

    /// <summary>Adds the dashboard's middleware and the language endpoint; call before the Razor components are mapped.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.MapCultureEndpoint();
        return app;
    }
}
