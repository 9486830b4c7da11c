using System.Globalization;
using System.Text;

namespace FunnelInsight.Benchmarks;

/// <summary>One import of a file with one unterminated quote near its top.</summary>
/// <param name="Events">Events in the file, the damaged row included.</param>
/// <param name="Import">What the import stored and rejected, and its peak memory.</param>
/// <param name="CleanImport">The same file undamaged, imported the same way: the memory an import of that size takes anyway.</param>
internal sealed record QuoteRecoveryMeasurement(long Events, ImportMeasurement Import, ImportMeasurement CleanImport)
{
    /// <summary>What the damaged row costs in peak memory beyond the clean import's.</summary>
    public double ExtraMegabytes => (Import.PeakMemoryBytes - CleanImport.PeakMemoryBytes) / 1e6;
}

/// <summary>
/// The import's promise on a damaged file, measured: a <c>"</c> opened and never closed on line 4 rejects that row
/// alone, every later row is stored, and what the damaged row costs in memory does not grow with the file. Each size is
/// imported clean and damaged; the same file at a tenth and at the full size shows the second. The stored and rejected
/// counts are checked, never the times.
/// </summary>
internal static class QuoteRecoveryRun
{
    /// <summary>The line (the header is line 1) whose second field gets the opening quote.</summary>
    public const int DamagedLine = 4;

    /// <exception cref="EnginesDisagreeException">The import did not store every good row, or rejected more than the damaged one.</exception>
    public static async Task<IReadOnlyList<QuoteRecoveryMeasurement>> RunAsync(BenchmarkOptions options, TextWriter log)
    {
        var results = new List<QuoteRecoveryMeasurement>();
        foreach (var events in new[] { Math.Max(options.Events / 10, 10), options.Events })
        {
            var clean = EventFile.Ensure(options.WorkFolder, events, options.Seed);
            var damaged = Path.Combine(options.WorkFolder, $"events-{events}-seed{options.Seed}-quote.csv");
            WriteDamagedCopy(clean, damaged);
            var database = Path.Combine(options.WorkFolder, $"funnelinsight-quote-{events}.db");
            DeleteDatabase(database);
            log.WriteLine($"FunnelInsight: importing {events:N0} events with an unterminated quote on line {DamagedLine}…");
            var import = await ImportProcess.RunAsync(damaged, database, log);
            DeleteDatabase(database);
            File.Delete(damaged);
            log.WriteLine($"FunnelInsight: importing the same {events:N0} events undamaged…");
            var cleanImport = await ImportProcess.RunAsync(clean, database, log);
            DeleteDatabase(database);
            if (import.RowsStored != events - 1 || import.RowsRejected != 1)
            {
                throw new EnginesDisagreeException(
                    $"An unterminated quote on line {DamagedLine} of {events:N0} rows: stored {import.RowsStored:N0} (want {events - 1:N0}), rejected {import.RowsRejected:N0} (want 1).");
            }

            results.Add(new QuoteRecoveryMeasurement(events, import, cleanImport));
        }

        return results;
    }

    /// <summary>The table the run prints: size, rows stored and rejected, peak memory.</summary>
    public static string ToTable(IReadOnlyList<QuoteRecoveryMeasurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| events (quote on line {DamagedLine}) | stored | rejected | peak memory | same file undamaged | extra | wall time |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Events:N0} | {r.Import.RowsStored:N0} | {r.Import.RowsRejected:N0} | {r.Import.PeakMemoryBytes / 1e6:F0} MB | {r.CleanImport.PeakMemoryBytes / 1e6:F0} MB | {r.ExtraMegabytes:+0;-0} MB | {r.Import.Elapsed.TotalSeconds:F1} s |");
        }

        return text.ToString();
    }

    // Byte for byte the clean file, but for a '"' put before the second field of the damaged line.
    private static void WriteDamagedCopy(string clean, string damaged)
    {
        using var reader = new StreamReader(clean, Encoding.UTF8);
        using var writer = new StreamWriter(damaged, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == DamagedLine)
            {
                var comma = line.IndexOf(',', StringComparison.Ordinal);
                line = line[..(comma + 1)] + "\"" + line[(comma + 1)..];
            }

            writer.WriteLine(line);
        }
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
