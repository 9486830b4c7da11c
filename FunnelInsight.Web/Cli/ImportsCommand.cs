using System.Text.Json;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>imports --store NAME [--token T]</c>: the store's import history as JSON, newest first, for an Analyst or Owner
/// (the same check as <c>report</c>): what each import read, stored and rejected, and how it ended, a crash included.
/// </summary>
internal static class ImportsCommand
{
    public static async Task<int> RunAsync(CommandArguments args, CommandAccess access, FunnelDatabase database, TextWriter output, CancellationToken cancellationToken)
    {
        var store = await access.StoreAsync(args.Required("store"), StoreRole.Analyst, "list the imports of", createIfMissing: false, cancellationToken);
        var history = await new ImportHistory(database).ListAsync(store.Id, int.MaxValue, cancellationToken);
        await output.WriteLineAsync(JsonSerializer.Serialize(history.Select(i => new
        {
            id = i.Id,
            kind = i.Kind.ToString().ToLowerInvariant(),
            file = i.FileName,
            format = i.Format,
            status = i.Status.ToString(),
            rowsRead = i.RowsRead,
            rowsStored = i.RowsStored,
            rowsRejected = i.RowsRejected,
            rowsDuplicate = i.RowsDuplicate,
            warnings = i.Warnings,
            started = DateTime.SpecifyKind(i.StartedUtc, DateTimeKind.Utc),
            finished = i.FinishedUtc is { } finished ? DateTime.SpecifyKind(finished, DateTimeKind.Utc) : (DateTime?)null,
            message = i.Message,
        })));
        return 0;
    }
}
