using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;
using FunnelInsight.Web;
using FunnelInsight.Web.Cli;
using FunnelInsight.Web.Extensions;
using FunnelInsight.Web.Services;

if (CommandLine.IsCommand(args))
{
    using var signals = new CommandSignals();
    return await CommandLine.RunAsync(args, Console.Out, Console.Error, cancellationToken: signals.Token);
}

var app = DashboardApp.Build(args);
var database = app.Services.GetRequiredService<FunnelDatabase>();
await database.MigrateAsync(app.Logger);
// Imports a killed process left Running are marked interrupted and their temporary files removed, at once.
await app.Services.GetRequiredService<InterruptedImports>().SweepAsync(TimeSpan.FromSeconds(1));
await app.Services.GetRequiredService<DemoStoreLoader>().LoadIfEmptyAsync(CancellationToken.None);
await app.PrepareAccountsAsync(database);
await app.RunAsync();
return 0;
