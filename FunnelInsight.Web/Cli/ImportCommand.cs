using System.Text.Json;
using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Web.Services.Importing;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// <c>import --store NAME (--events FILE | --orders FILE) [--format F] [--map field=column,…] [--encoding NAME] [--date-order dmy|mdy|ymd] [--decimal comma|point] [--errors FILE] [--token T]</c>: imports
/// a file as the store's Owner (see <see cref="CommandAccess"/>), creating the store if needed, writes its rejected rows to the error file when asked, and prints the result as one JSON line.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(CommandArguments args, CommandAccess access, FunnelDatabase database, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var storeName = args.Required("store");
        var (kind, path) = args.Get("events") is { } events ? (ImportKind.Events, events)
            : args.Get("orders") is { } orders ? (ImportKind.Orders, orders)
            : throw new CommandLineException("import: give --events FILE or --orders FILE.");
        if (!File.Exists(path))
        {
            throw new CommandLineException($"import: file '{path}' not found.");
        }

        var (dateOrder, decimalMark) = ReadingOptions(args);
        var store = await access.StoreAsync(storeName, StoreRole.Owner, "import into", createIfMissing: true, cancellationToken);
        var lastPercent = -1;
        var progress = new SyncProgress<ImportProgress>(p =>
        {
            var percent = (int)(p.Fraction * 100);
            if (p.Phase == ImportPhase.Waiting)
            {
                error.WriteLine("import: waiting for another import to finish…");
            }
            else if (percent / 10 != lastPercent / 10 && p.Phase == ImportPhase.Reading)
            {
                lastPercent = percent;
                error.WriteLine($"import: {percent}% ({p.RowsRead:N0} rows)");
            }
            else if (p.Phase == ImportPhase.BuildingRollups && lastPercent <= 100)
            {
                lastPercent = 101;
                error.WriteLine($"import: building session rollups from {p.RowsRead:N0} rows…");
            }
        });
        var result = await new ImportService(database).ImportAsync(new ImportRequest(store.Id, kind, path, Path.GetFileName(path), args.Get("format"), args.Get("map"), args.Get("encoding"), dateOrder, decimalMark), progress, cancellationToken);
        if (result.Status != ImportStatus.Succeeded)
        {
            error.WriteLine($"import: {result.Message}");
            return result.Status == ImportStatus.Cancelled ? CommandLine.Cancelled : 1;
        }

        if (args.Get("errors") is { } errorFile)
        {
            await ImportErrorFile.WriteAsync(database, result.ImportId, errorFile, cancellationToken);
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(ImportResultDocument.Of(result), ImportResultDocument.Json));
        return 0;
    }

    // --date-order dmy|mdy|ymd and --decimal comma|point: what a file cannot say by itself.
    private static (DateOrder? Order, DecimalMark? Mark) ReadingOptions(CommandArguments args)
    {
        try
        {
            return (ReadingNames.ParseDateOrder(args.Get("date-order")), ReadingNames.ParseDecimalMark(args.Get("decimal")));
        }
        catch (ImportFileException ex)
        {
            throw new CommandLineException($"import: {ex.Message}");
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (the console has no sync context to post to).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
