namespace FunnelInsight.Core.Samples;

/// <summary>
/// Generates a realistic, deterministic store: canonical event and order exports for demos, tests and
/// benchmarks. Files are streamed, so ten million events take no more memory than a thousand.
/// </summary>
public static class StoreGenerator
{
    /// <summary>The event file's name in a folder written by <see cref="WriteFiles"/> (after the prefix).</summary>
    public const string EventsFileName = "events.csv";

    /// <summary>The order file's name in a folder written by <see cref="WriteFiles"/> (after the prefix).</summary>
    public const string OrdersFileName = "orders.csv";

    /// <summary>Writes <see cref="StoreGeneratorOptions.Events"/> event rows (canonical layout) to <paramref name="output"/>.</summary>
    /// <returns>The number of event rows written.</returns>
    public static long WriteEvents(Stream output, StoreGeneratorOptions options, CancellationToken cancellationToken = default) =>
        EventSampleWriter.Write(output, options, cancellationToken);

    /// <summary>Writes <see cref="StoreGeneratorOptions.Orders"/> orders (canonical order layout) to <paramref name="output"/>.</summary>
    /// <returns>The number of orders written.</returns>
    public static long WriteOrders(Stream output, StoreGeneratorOptions options, CancellationToken cancellationToken = default) =>
        OrderSampleWriter.Write(output, options, cancellationToken);

    /// <summary>
    /// Writes <c>{prefix}events.csv</c> and <c>{prefix}orders.csv</c> into <paramref name="folder"/> (created if
    /// needed); a file whose count is 0 is not written.
    /// </summary>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> WriteFiles(string folder, StoreGeneratorOptions options, string prefix = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(folder);
        var written = new List<string>(2);
        if (options.Events > 0)
        {
            written.Add(Write(Path.Combine(folder, prefix + EventsFileName), stream => WriteEvents(stream, options, cancellationToken)));
        }

        if (options.Orders > 0)
        {
            written.Add(Write(Path.Combine(folder, prefix + OrdersFileName), stream => WriteOrders(stream, options, cancellationToken)));
        }

        return written;
    }

    private static string Write(string path, Action<Stream> write)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
        }

        return path;
    }
}
