using FunnelInsight.Web;
using FunnelInsight.Web.Cli;

if (CommandLine.IsCommand(args))
{
    using var signals = new CommandSignals();
    return await CommandLine.RunAsync(args, Console.Out, Console.Error, cancellationToken: signals.Token);
}

var app = DashboardApp.Build(args);
await DashboardApp.PrepareAsync(app);
await app.RunAsync();
return 0;
