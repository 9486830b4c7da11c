using System.Globalization;
using System.Text.Json;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>delete-import --store NAME --import ID [--yes]</c> and <c>delete-store --store NAME [--yes]</c>, for an Owner of the
/// store (with <c>--token</c>, checked as the HTTP API checks it). Says what goes, then asks for the import's id or the
/// store's name on stdin unless <c>--yes</c> confirms it (scripts); prints what was deleted as JSON.
/// </summary>
internal static class DeleteCommand
{
    public static async Task<int> RunAsync(CommandArguments args, CommandAccess access, FunnelDatabase database, TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var verb = args.Verb.ToLowerInvariant();
        var store = await access.StoreAsync(args.Required("store"), StoreRole.Owner, verb == "delete-store" ? "delete" : "delete the imports of", createIfMissing: false, cancellationToken);
        void Waiting() => error.WriteLine($"{verb}: waiting for an import that is storing to finish…");
        return verb == "delete-store"
            ? await DeleteStoreAsync(args, access, store, input, output, error, Waiting, cancellationToken)
            : await DeleteImportAsync(args, database, store, input, output, error, Waiting, cancellationToken);
    }

    private static async Task<int> DeleteImportAsync(CommandArguments args, FunnelDatabase database, Core.Storage.Entities.Store store, TextReader input,
        TextWriter output, TextWriter error, Action waiting, CancellationToken cancellationToken)
    {
        var id = int.TryParse(args.Required("import"), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new CommandLineException("delete-import: --import is an import's id (see imports --store NAME).");
        var import = (await new ImportHistory(database).ListAsync(store.Id, int.MaxValue, cancellationToken)).FirstOrDefault(i => i.Id == id)
            ?? throw new CommandLineException($"delete-import: the store '{store.Name}' has no import {id} (see imports --store NAME).");
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"delete-import: deletes import {id} of '{store.Name}': {import.FileName}, {import.RowsStored} rows stored, imported {import.StartedUtc:yyyy-MM-dd HH:mm} UTC, with its events, orders and row errors."));
        await ConfirmAsync(args, input, error, "delete-import", "the import's id", id.ToString(CultureInfo.InvariantCulture));

        var result = await new ImportDeletion(database).DeleteAsync(store.Id, id, waiting, cancellationToken);
        Refuse(result.Outcome, "delete-import", $"import {id} is still running; delete it once it has ended");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { deleted = "import", importId = id, file = import.FileName, eventsRemoved = result.EventsRemoved, ordersRemoved = result.OrdersRemoved }));
        return 0;
    }

    private static async Task<int> DeleteStoreAsync(CommandArguments args, CommandAccess access, Core.Storage.Entities.Store store, TextReader input, TextWriter output,
        TextWriter error, Action waiting, CancellationToken cancellationToken)
    {
        var overview = (await access.Stores.ListAsync(cancellationToken)).First(s => s.Id == store.Id);
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"delete-store: deletes '{store.Name}' and everything in it: {overview.Events} events, {overview.Sessions} sessions, {overview.Orders} orders, its imports, members, store tokens and files."));
        await ConfirmAsync(args, input, error, "delete-store", "the store's name", store.Name);

        var outcome = await access.Stores.DeleteAsync(store.Id, waiting, cancellationToken);
        Refuse(outcome, "delete-store", "an import into the store is still running; delete the store once it has ended");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { deleted = "store", storeId = store.Id, name = store.Name, events = overview.Events, sessions = overview.Sessions, orders = overview.Orders }));
        return 0;
    }

    // --yes, or the expected answer typed on stdin: a script that forgot --yes stops here with nothing deleted.
    private static async Task ConfirmAsync(CommandArguments args, TextReader input, TextWriter error, string verb, string what, string expected)
    {
        if (args.Get("yes") == "true")
        {
            return;
        }

        await error.WriteAsync($"Type {what} to confirm: ");
        var answer = await input.ReadLineAsync();
        if (answer?.Trim() != expected)
        {
            throw new CommandLineException($"{verb}: not confirmed, nothing was deleted (type {what}, or give --yes).");
        }
    }

    private static void Refuse(DeletionOutcome outcome, string verb, string running)
    {
        if (outcome == DeletionOutcome.ImportRunning)
        {
            throw new CommandLineException($"{verb}: {running}; nothing was deleted.", 1);
        }

        if (outcome == DeletionOutcome.NotFound)
        {
            throw new CommandLineException($"{verb}: it was deleted meanwhile.", 1);
        }
    }
}
