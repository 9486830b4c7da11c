using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Cli.Dashboard;
using FunnelInsight.Web.Services.Importing;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>imports --store NAME [--token T]</c>: the store's import history as JSON, newest first, for an Analyst or Owner
/// (the same check as <c>report</c>): what each import read, stored and rejected, and how it ended, a crash included.
/// With a dashboard running, the history comes from its API (<c>GET /api/stores/{id}/imports</c>), in the same shape.
/// </summary>
internal static class ImportsCommand
{
    private const string Doing = "list the imports of";

    public static async Task<int> RunAsync(CommandArguments args, CommandAccess access, FunnelDatabase database, TextWriter output, CancellationToken cancellationToken)
    {
        var store = await access.StoreAsync(args.Required("store"), StoreRole.Analyst, Doing, createIfMissing: false, cancellationToken);
        var history = await new ImportHistory(database).ListAsync(store.Id, int.MaxValue, cancellationToken);
        return await PrintAsync([.. history.Select(ImportHistoryDocument.Of)], output);
    }

    public static async Task<int> RunThroughAsync(CommandArguments args, DashboardAccess access, DashboardClient dashboard, TextWriter output, CancellationToken cancellationToken)
    {
        var store = await access.StoreAsync(args.Required("store"), StoreRole.Analyst, Doing, createIfMissing: false, cancellationToken);
        return await PrintAsync(await dashboard.ImportsAsync(store.Id, cancellationToken), output);
    }

    private static async Task<int> PrintAsync(IReadOnlyList<ImportHistoryDocument> history, TextWriter output)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(history, ImportResultDocument.Json));
        return 0;
    }
}
