using FunnelInsight.Core.Samples;

namespace FunnelInsight.Benchmarks;

/// <summary>The canonical event file the engines are compared on: generated once per size and seed, then reused.</summary>
internal static class EventFile
{
    /// <summary>The path of the file of <paramref name="events"/> events from <paramref name="seed"/> in <paramref name="folder"/>, generated when missing.</summary>
    public static string Ensure(string folder, long events, long seed) =>
        Ensure(folder, $"events-{events}-seed{seed}.csv", new StoreGeneratorOptions(events, 0, seed));

    /// <summary>
    /// The file of <paramref name="events"/> more events imported into the store afterwards (seed <paramref name="seed"/> + 1):
    /// the month after the main file's year, its session ids (<c>s1</c>, <c>s2</c>, …) those of the main file's first
    /// sessions, so the import adds events to stored sessions and every one of them is rolled up again.
    /// </summary>
    public static string EnsureMore(string folder, long events, long seed) =>
        Ensure(folder, $"more-{events}-seed{seed + 1}.csv", new StoreGeneratorOptions(events, 0, seed + 1) { Start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Months = 1 });

    private static string Ensure(string folder, string name, StoreGeneratorOptions options)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
        {
            return path;
        }

        // Written under a temporary name so an interrupted run never leaves a short file to be reused.
        var partial = path + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            StoreGenerator.WriteEvents(stream, options);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}
