using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Cli.Dashboard;
using FunnelInsight.Web.Services.Importing;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>import --store NAME (--events FILE | --orders FILE) [--format F] [--map field=column,…] [--encoding NAME] [--date-order dmy|mdy|ymd] [--decimal comma|point] [--errors FILE] [--token T]</c>: imports
/// a file as the store's Owner (see <see cref="CommandAccess"/>), creating the store if needed, writes its rejected rows to the error file when asked, and prints the result as one JSON line.
/// With a dashboard running, the file goes to its upload API and the import runs there, with the same lines, result and exit code.
/// A store created for the import is deleted again when the import stores nothing (the file refused, the import failed
/// or cancelled), so a refused file leaves no empty store behind.
/// </summary>
internal static class ImportCommand
{
    // How long a cancelled import through the dashboard is waited for to end, so that "nothing was stored" is true when said.
    private static readonly TimeSpan CancelWait = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(CommandArguments args, CommandAccess access, FunnelDatabase database, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var file = ImportFile.Read(args);
        var (store, created) = await access.ImportStoreAsync(file.StoreName, "import into", cancellationToken);
        ImportResult result;
        try
        {
            result = await new ImportService(database, new CommandErrorLog<ImportService>(error, "import")).ImportAsync(file.Request(store.Id), new ImportProgressLines(error), cancellationToken);
        }
        catch when (created)
        {
            await access.Stores.DeleteAsync(store.Id, cancellationToken: CancellationToken.None);
            throw;
        }

        if (created && result.Status != ImportStatus.Succeeded)
        {
            await access.Stores.DeleteAsync(store.Id, cancellationToken: CancellationToken.None);
        }

        return await EndAsync(args, ImportResultDocument.Of(result), output, error, path => ImportErrorFile.WriteAsync(database, result.ImportId, path, cancellationToken));
    }

    /// <summary>The same import through the running dashboard's upload API, followed as server-sent events.</summary>
    public static async Task<int> RunThroughAsync(CommandArguments args, DashboardAccess access, DashboardClient dashboard, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var file = ImportFile.Read(args);
        var (store, created) = await access.ImportStoreAsync(file.StoreName, "import into", cancellationToken);
        var progress = new ImportProgressLines(error);
        ImportResultDocument? result;
        try
        {
            result = await dashboard.ImportAsync(store.Id, file.Kind, file.Path, file.Query, progress, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"import: {await CancelledAsync(dashboard, store.Id, progress.ImportId)}");
            if (created)
            {
                await DeleteUnusedStoreAsync(dashboard, store.Id);
            }

            return CommandLine.Cancelled;
        }
        catch (DashboardProblemException ex) when (ex.Status is >= 400 and < 500 && ex.Status != StatusCodes.Status401Unauthorized)
        {
            // The file refused before its import began (not a CSV, too large, a reading choice not understood): one line, exit 1.
            if (created)
            {
                await DeleteUnusedStoreAsync(dashboard, store.Id);
            }

            throw new CommandLineException("import: " + ImportFile.Reason(ex), 1);
        }

        if (result is null)
        {
            throw new CommandLineException("import: the dashboard ended the import without a result; see imports --store NAME.", 1);
        }

        if (created && result.Status != nameof(ImportStatus.Succeeded))
        {
            await DeleteUnusedStoreAsync(dashboard, store.Id);
        }

        return await EndAsync(args, result, output, error, async path =>
        {
            // The API's error file starts with a byte order mark (for spreadsheets); the command line's never did.
            var bytes = await dashboard.BytesAsync(store.Id, $"/imports/{result.ImportId}/errors.csv", [], cancellationToken);
            var preamble = System.Text.Encoding.UTF8.Preamble;
            await File.WriteAllBytesAsync(path, bytes.AsSpan().StartsWith(preamble) ? bytes[preamble.Length..] : bytes, CancellationToken.None);
        });
    }

    private static async Task<int> EndAsync(CommandArguments args, ImportResultDocument result, TextWriter output, TextWriter error, Func<string, Task> writeErrors)
    {
        if (result.Status != nameof(ImportStatus.Succeeded))
        {
            await error.WriteLineAsync($"import: {result.Message}");
            return result.Status == nameof(ImportStatus.Cancelled) ? CommandLine.Cancelled : 1;
        }

        if (args.Get("errors") is { } errorFile)
        {
            await writeErrors(errorFile);
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(result, ImportResultDocument.Json));
        return 0;
    }

    // A store created for an import that stored nothing goes again, unless an import into it (another's) has stored
    // something meanwhile. (On the files no other import can run: the command line holds the events file.)
    private static async Task DeleteUnusedStoreAsync(DashboardClient dashboard, int storeId)
    {
        using var wait = new CancellationTokenSource(CancelWait);
        try
        {
            if ((await dashboard.ImportsAsync(storeId, wait.Token)).All(i => i.Status != nameof(ImportStatus.Succeeded)))
            {
                await dashboard.DeleteAsync(storeId, "", wait.Token);
            }
        }
        catch (DashboardProblemException)
        {
            // Refused (an import into it still running): the store stays, as any store the merchant can delete.
        }
    }

    // The dashboard cancels the import when the stream closes; its record says how it ended once the rollback is done.
    private static async Task<string> CancelledAsync(DashboardClient dashboard, int storeId, int importId)
    {
        if (importId == 0)
        {
            // Cancelled while the file was sent or while it waited for its turn: no import was begun.
            return ImportService.CancelledMessage;
        }

        using var wait = new CancellationTokenSource(CancelWait);
        for (var delay = 20; ; delay = Math.Min(delay * 2, 500))
        {
            var ended = (await dashboard.ImportsAsync(storeId, wait.Token)).FirstOrDefault(i => i.Id == importId);
            if (ended is null || ended.Status != nameof(ImportStatus.Running))
            {
                return ended?.Status == nameof(ImportStatus.Succeeded)
                    ? $"import {importId} had already been stored when it was cancelled (see imports --store NAME)."
                    : ended?.Message ?? ImportService.CancelledMessage;
            }

            await Task.Delay(delay, wait.Token);
        }
    }
}

/// <summary><c>import</c>'s file and options, checked before anything is sent or opened.</summary>
internal sealed record ImportFile(string StoreName, ImportKind Kind, string Path, CommandArguments Args, DateOrder? DateOrder, DecimalMark? DecimalMark)
{
    /// <summary>Reads and checks <c>import</c>'s arguments.</summary>
    /// <exception cref="CommandLineException">A missing option or file, or a reading option not understood (exit 2).</exception>
    public static ImportFile Read(CommandArguments args)
    {
        var storeName = args.Required("store");
        var (kind, path) = args.Get("events") is { } events ? (ImportKind.Events, events)
            : args.Get("orders") is { } orders ? (ImportKind.Orders, orders)
            : throw new CommandLineException("import: give --events FILE or --orders FILE.");
        if (!File.Exists(path))
        {
            throw new CommandLineException($"import: file '{path}' not found.");
        }

        // --date-order dmy|mdy|ymd and --decimal comma|point: what a file cannot say by itself.
        try
        {
            return new ImportFile(storeName, kind, path, args, ReadingNames.ParseDateOrder(args.Get("date-order")), ReadingNames.ParseDecimalMark(args.Get("decimal")));
        }
        catch (ImportFileException ex)
        {
            throw new CommandLineException($"import: {ex.Message}");
        }
    }

    /// <summary>The import of this file into <paramref name="storeId"/>.</summary>
    public ImportRequest Request(int storeId) =>
        new(storeId, Kind, Path, System.IO.Path.GetFileName(Path), Args.Get("format"), Args.Get("map"), Args.Get("encoding"), DateOrder, DecimalMark);

    /// <summary>The same choices as the upload API's query keys.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query =>
    [
        new("fileName", System.IO.Path.GetFileName(Path)), new("format", Args.Get("format")), new("map", Args.Get("map")),
        new("encoding", Args.Get("encoding")), new("dateOrder", Args.Get("date-order")), new("decimal", Args.Get("decimal")),
    ];

    /// <summary>What a refused upload says, without the API's key prefix (<c>encoding: </c>), as the import itself would say it.</summary>
    public static string Reason(DashboardProblemException problem) =>
        problem.Errors.Count == 0 ? problem.Message
        : string.Join(" ", problem.Errors.SelectMany(e => e.Value.Select(m => m.StartsWith(e.Key + ": ", StringComparison.Ordinal) ? m[(e.Key.Length + 2)..] : m)));
}
