using FunnelInsight.Core.Import;
using FunnelInsight.Core.Stores;
using FunnelInsight.Web.Api;
using FunnelInsight.Web.Cli;
using FunnelInsight.Web.Components;
using FunnelInsight.Web.Extensions;
using FunnelInsight.Web.Services;

if (CommandLine.IsCommand(args))
{
    using var signals = new CommandSignals();
    return await CommandLine.RunAsync(args, Console.Out, Console.Error, cancellationToken: signals.Token);
}

// The content root is the app's own folder, so settings and assets are found from any working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = FunnelInsightConfiguration.AppFolder });
builder.WebHost.UseStaticWebAssets();
var database = FunnelInsightConfiguration.Database(builder.Configuration);
builder.Services.AddSingleton(database);
builder.Services.AddSingleton<StoreCatalog>();
builder.Services.AddSingleton<ImportService>();
builder.Services.AddSingleton<InterruptedImports>();
builder.Services.AddSingleton<DemoStoreLoader>();
builder.AddDashboard();
builder.Services.AddFunnelInsightAccounts(database);
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
await database.MigrateAsync(app.Logger);
// Imports a killed process left Running are marked interrupted and their temporary files removed, at once.
await app.Services.GetRequiredService<InterruptedImports>().SweepAsync(TimeSpan.FromSeconds(1));
await app.Services.GetRequiredService<DemoStoreLoader>().LoadIfEmptyAsync(CancellationToken.None);
await app.PrepareAccountsAsync(database);

app.UseReverseProxySupport();
app.UseErrorAnswers();

app.UseFunnelInsightAccounts();
app.UseDashboard();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapFunnelInsightAccounts();
app.MapApiNotFound();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
await app.RunAsync();
return 0;
