using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Cli.Dashboard;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>delete-import --store NAME --import ID [--yes]</c> and <c>delete-store --store NAME [--yes]</c>, for an Owner of the
/// store (with <c>--token</c>, checked as the HTTP API checks it). Says what goes, then asks for the import's id or the
/// store's name on stdin unless <c>--yes</c> confirms it (scripts); prints what was deleted as JSON. With a dashboard
/// running, what goes is read from its API and the deletion is its <c>DELETE</c>, with the same lines and exit codes.
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

    private static async Task<int> DeleteImportAsync(CommandArguments args, FunnelDatabase database, NamedStore store, TextReader input,
        TextWriter output, TextWriter error, Action waiting, CancellationToken cancellationToken)
    {
        var id = ImportId(args);
        var import = (await new ImportHistory(database).ListAsync(store.Id, int.MaxValue, cancellationToken)).FirstOrDefault(i => i.Id == id)
            ?? throw NoSuchImport(store.Name, id);
        await error.WriteLineAsync(ImportLine(id, store.Name, import.FileName, import.RowsStored, import.StartedUtc));
        await ConfirmAsync(args, input, error, "delete-import", "the import's id", id.ToString(CultureInfo.InvariantCulture));

        var result = await new ImportDeletion(database).DeleteAsync(store.Id, id, waiting, cancellationToken);
        Refuse(result.Outcome, "delete-import", ImportRunning(id));
        await output.WriteLineAsync(JsonSerializer.Serialize(new { deleted = "import", importId = id, file = import.FileName, eventsRemoved = result.EventsRemoved, ordersRemoved = result.OrdersRemoved }));
        return 0;
    }

    private static async Task<int> DeleteStoreAsync(CommandArguments args, CommandAccess access, NamedStore store, TextReader input, TextWriter output,
        TextWriter error, Action waiting, CancellationToken cancellationToken)
    {
        var overview = (await access.Stores.ListAsync(cancellationToken)).First(s => s.Id == store.Id);
        await error.WriteLineAsync(StoreLine(store.Name, overview.Events, overview.Sessions, overview.Orders));
        await ConfirmAsync(args, input, error, "delete-store", "the store's name", store.Name);

        var outcome = await access.Stores.DeleteAsync(store.Id, waiting, cancellationToken);
        Refuse(outcome, "delete-store", StoreRunning);
        await output.WriteLineAsync(JsonSerializer.Serialize(new { deleted = "store", storeId = store.Id, name = store.Name, events = overview.Events, sessions = overview.Sessions, orders = overview.Orders }));
        return 0;
    }

    /// <summary>The same deletions through the running dashboard's API.</summary>
    public static async Task<int> RunThroughAsync(CommandArguments args, DashboardAccess access, DashboardClient dashboard, TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var verb = args.Verb.ToLowerInvariant();
        var store = await access.StoreAsync(args.Required("store"), StoreRole.Owner, verb == "delete-store" ? "delete" : "delete the imports of", createIfMissing: false, cancellationToken);
        try
        {
            if (verb == "delete-store")
            {
                await error.WriteLineAsync(StoreLine(store.Name, store.Events, store.Sessions, store.Orders));
                await ConfirmAsync(args, input, error, verb, "the store's name", store.Name);
                await dashboard.DeleteAsync(store.Id, "", cancellationToken);
                await output.WriteLineAsync(JsonSerializer.Serialize(new { deleted = "store", storeId = store.Id, name = store.Name, events = store.Events, sessions = store.Sessions, orders = store.Orders }));
                return 0;
            }

            var id = ImportId(args);
            var import = (await dashboard.ImportsAsync(store.Id, cancellationToken)).FirstOrDefault(i => i.Id == id)
                ?? throw NoSuchImport(store.Name, id);
            await error.WriteLineAsync(ImportLine(id, store.Name, import.File, import.RowsStored, import.Started));
            await ConfirmAsync(args, input, error, verb, "the import's id", id.ToString(CultureInfo.InvariantCulture));
            var deleted = (await dashboard.DeleteAsync(store.Id, "/imports/" + id.ToString(CultureInfo.InvariantCulture), cancellationToken))!.Value;
            await output.WriteLineAsync(JsonSerializer.Serialize(new { deleted = "import", importId = id, file = import.File,
                eventsRemoved = deleted.GetProperty("eventsRemoved").GetInt64(), ordersRemoved = deleted.GetProperty("ordersRemoved").GetInt32() }));
            return 0;
        }
        catch (DashboardProblemException ex) when (ex.Status is StatusCodes.Status409Conflict or StatusCodes.Status404NotFound)
        {
            Refuse(ex.Status == StatusCodes.Status409Conflict ? DeletionOutcome.ImportRunning : DeletionOutcome.NotFound, verb,
                verb == "delete-store" ? StoreRunning : ImportRunning(ImportId(args)));
            throw;
        }
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

    private const string StoreRunning = "an import into the store is still running; delete the store once it has ended";

    private static string ImportRunning(int id) => $"import {id} is still running; delete it once it has ended";

    private static int ImportId(CommandArguments args) =>
        int.TryParse(args.Required("import"), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new CommandLineException("delete-import: --import is an import's id (see imports --store NAME).");

    private static CommandLineException NoSuchImport(string storeName, int id) =>
        new($"delete-import: the store '{storeName}' has no import {id} (see imports --store NAME).");

    private static string ImportLine(int id, string storeName, string file, long rowsStored, DateTime started) => string.Create(CultureInfo.InvariantCulture,
        $"delete-import: deletes import {id} of '{storeName}': {file}, {rowsStored} rows stored, imported {started:yyyy-MM-dd HH:mm} UTC, with its events, orders and row errors.");

    private static string StoreLine(string storeName, long events, long sessions, long orders) => string.Create(CultureInfo.InvariantCulture,
        $"delete-store: deletes '{storeName}' and everything in it: {events} events, {sessions} sessions, {orders} orders, its imports, members, store tokens and files.");

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
