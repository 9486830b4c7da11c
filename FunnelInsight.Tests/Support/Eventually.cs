namespace FunnelInsight.Tests.Support;

/// <summary>
/// How a test waits for something that happens elsewhere (another process, a background job, a server): it asks again
/// every few milliseconds until the condition holds, and fails with what it was waiting for if that takes too long or
/// what it depends on ends first. Never a fixed sleep.
/// </summary>
public static class Eventually
{
    private const int DefaultPollMilliseconds = 20;

    /// <summary>
    /// Returns once <paramref name="condition"/> holds; fails with <paramref name="never"/> after <paramref name="within"/>,
    /// or at once with the message <paramref name="endedFirst"/> returns when that is not null (the thing waited on ended).
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, Func<string> never, Func<string?>? endedFirst = null,
        int pollMilliseconds = DefaultPollMilliseconds)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (endedFirst?.Invoke() is { } ended)
            {
                Assert.Fail(ended);
            }

            Assert.True(DateTime.UtcNow < deadline, never());
            await Task.Delay(pollMilliseconds);
        }
    }

    /// <summary>The same as <see cref="HoldsAsync(Func{Task{bool}}, TimeSpan, Func{string}, Func{string?}?, int)"/> for a condition read at once.</summary>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan within, Func<string> never, Func<string?>? endedFirst = null,
        int pollMilliseconds = DefaultPollMilliseconds) =>
        HoldsAsync(() => Task.FromResult(condition()), within, never, endedFirst, pollMilliseconds);
}
