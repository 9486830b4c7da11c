using System.Text.Json;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Web.Cli;

/// <summary><c>stores</c>: lists the stores with their event and order counts as JSON.</summary>
internal static class StoresCommand
{
    public static async Task<int> RunAsync(StoreCatalog stores, TextWriter output, CancellationToken cancellationToken)
    {
        var list = await stores.ListAsync(cancellationToken);
        await output.WriteLineAsync(JsonSerializer.Serialize(
            list.Select(s => new { id = s.Id, name = s.Name, events = s.Events, orders = s.Orders, sessions = s.Sessions })));
        return 0;
    }
}
