using FunnelInsight.Web.Cli.Dashboard;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>stores [--token T]</c>: lists, with their event, order and session counts as JSON, the stores without members and,
/// with a token, the stores its user belongs to; with a dashboard running, as its API lists them.
/// </summary>
internal static class StoresCommand
{
    public static async Task<int> RunAsync(CommandAccess access, TextWriter output, CancellationToken cancellationToken) =>
        await PrintAsync(await access.VisibleStoresAsync(cancellationToken), output);

    public static async Task<int> RunThroughAsync(DashboardAccess access, TextWriter output, CancellationToken cancellationToken) =>
        await PrintAsync([.. (await access.StoresAsync(cancellationToken)).Select(s => new StoreOverview(s.Id, s.Name, s.Events, s.Orders, s.Sessions))], output);

    private static async Task<int> PrintAsync(IReadOnlyList<StoreOverview> stores, TextWriter output)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(
            stores.Select(s => new { id = s.Id, name = s.Name, events = s.Events, orders = s.Orders, sessions = s.Sessions })));
        return 0;
    }
}
