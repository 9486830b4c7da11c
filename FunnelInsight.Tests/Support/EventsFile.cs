namespace FunnelInsight.Tests.Support;

/// <summary>
/// Reads of the events file from the test process while a dashboard process runs on the same database: DuckDB lets one
/// process at a time open the file, and the dashboard opens it for each request, so a read waits until it is free.
/// </summary>
internal static class EventsFile
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="read"/>, again while another process holds the file, until it succeeds or a minute has passed.</summary>
    public static async Task<T> WhenFreeAsync<T>(Func<Task<T>> read)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await read();
            }
            catch (EventStoreLockedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
