using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Api;
using FunnelInsight.Web.Components;
using FunnelInsight.Web.Extensions;
using FunnelInsight.Web.Instance;

namespace FunnelInsight.Web;

/// <summary>
/// The dashboard's host: services, middleware and endpoints, built but not started, so that the endpoints a test walks
/// are the ones the running dashboard serves.
/// </summary>
public static class DashboardApp
{
    /// <summary>The dashboard for <paramref name="args"/> (host options such as <c>--urls</c>), ready to migrate and run.</summary>
    public static WebApplication Build(string[] args)
    {
        // The content root is the app's own folder, so settings and assets are found from any working folder.
        // The application name is this assembly's whoever hosts it (a test too), so its static asset manifest is found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = FunnelInsightConfiguration.AppFolder,
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseStaticWebAssets();
        var database = FunnelInsightConfiguration.Database(builder.Configuration);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<StoreCatalog>();
        builder.Services.AddSingleton<ImportService>();
        builder.Services.AddSingleton<ImportDeletion>();
        builder.Services.AddSingleton<InterruptedImports>();
        builder.Services.AddSingleton<DemoStoreLoader>();
        // The command line on this machine finds the running dashboard and its operator token in the instance file.
        builder.Services.AddSingleton<OperatorCredential>();
        builder.Services.AddHostedService<InstanceFilePublisher>();
        builder.AddDashboard();
        builder.Services.AddFunnelInsightAccounts(database);
        builder.Services.AddReverseProxySupport(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddApiDocument();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();

        var app = builder.Build();
        app.UseReverseProxySupport();
        app.UseErrorAnswers();

        app.UseFunnelInsightAccounts();
        app.UseDashboard();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapFunnelInsightAccounts();
        app.MapApi();
        app.MapApiDocument();
        app.MapApiNotFound();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// What the dashboard does before it listens: migrates the database, marks the imports a killed process left running
    /// as interrupted (removing their temporary files), loads the demo store into an empty database when the demo is on,
    /// and prepares the accounts.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        var database = app.Services.GetRequiredService<FunnelDatabase>();
        await database.MigrateAsync(app.Logger);
        await app.Services.GetRequiredService<InterruptedImports>().SweepAsync(TimeSpan.FromSeconds(1));
        await app.Services.GetRequiredService<DemoStoreLoader>().LoadIfEmptyAsync(CancellationToken.None);
        await app.PrepareAccountsAsync(database);
    }
}
