using FunnelInsight.Core.Samples;

namespace FunnelInsight.Benchmarks;

/// <summary>The canonical event file the engines are compared on: generated once per size and seed, then reused.</summary>
internal static class EventFile
{
    /// <summary>The path of the file of <paramref name="events"/> events from <paramref name="seed"/> in <paramref name="folder"/>, generated when missing.</summary>
    public static string Ensure(string folder, long events, long seed)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"events-{events}-seed{seed}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        // Written under a temporary name so an interrupted run never leaves a short file to be reused.
        var partial = path + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            StoreGenerator.WriteEvents(stream, new StoreGeneratorOptions(events, 0, seed));
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}
