using System.Text.Json;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>stores [--token T]</c>: lists, with their event, order and session counts as JSON, the stores without members and,
/// with a token, the stores its user belongs to.
/// </summary>
internal static class StoresCommand
{
    public static async Task<int> RunAsync(CommandAccess access, TextWriter output, CancellationToken cancellationToken)
    {
        var list = await access.VisibleStoresAsync(cancellationToken);
        await output.WriteLineAsync(JsonSerializer.Serialize(
            list.Select(s => new { id = s.Id, name = s.Name, events = s.Events, orders = s.Orders, sessions = s.Sessions })));
        return 0;
    }
}
