using FunnelInsight.Core.Storage;

namespace FunnelInsight.Tests.Core.Storage;

public class WriteQueueTests
{
    [Fact]
    public void Writes_run_in_the_order_posted_on_one_thread_that_is_not_the_posters()
    {
        var order = new List<int>();
        var threads = new HashSet<int>();
        using (var queue = new WriteQueue())
        {
            for (var i = 0; i < 100; i++)
            {
                var n = i;
                queue.Post(() =>
                {
                    order.Add(n);
                    threads.Add(Environment.CurrentManagedThreadId);
                });
            }

            queue.Complete();
        }

        Assert.Equal(Enumerable.Range(0, 100), order);
        Assert.Equal([threads.Single()], threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads.Single());
    }

    [Fact]
    public void The_first_failed_write_reaches_the_poster_and_the_writes_after_it_do_not_run()
    {
        var ran = new List<int>();
        using var queue = new WriteQueue();
        queue.Post(() => ran.Add(1));
        queue.Post(() => throw new InvalidDataException("disk full"));

        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            // The failure arrives on a later post or, at the latest, on Complete.
            for (var i = 0; i < 1000; i++)
            {
                queue.Post(() => ran.Add(2));
            }

            queue.Complete();
        });

        Assert.Equal("disk full", thrown.Message);
        Assert.Equal([1], ran);
    }

    [Fact]
    public async Task Disposing_without_completing_drops_the_waiting_writes_and_then_disposes_what_it_owns()
    {
        var ran = 0;
        var owned = new Owned();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var queue = new WriteQueue();
        queue.Own(owned);
        queue.Post(() =>
        {
            started.Set();
            release.Wait();
        });
        for (var i = 0; i < 10; i++)
        {
            queue.Post(() => ran++);
        }

        started.Wait();
        var disposing = Task.Run(queue.Dispose);
        await Task.Delay(50);
        release.Set();
        await disposing;

        Assert.Equal(0, ran);
        Assert.True(owned.Disposed);
    }

    private sealed class Owned : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void Waiting_for_the_writes_so_far_leaves_the_queue_open_and_passes_a_failure_back()
    {
        var ran = new List<int>();
        using var queue = new WriteQueue();
        queue.Post(() =>
        {
            Thread.Sleep(50);
            ran.Add(1);
        });

        queue.WaitForWrites();
        Assert.Equal([1], ran);

        using var gate = new ManualResetEventSlim();
        queue.Post(gate.Wait); // holds the writer until the next two writes are queued
        queue.Post(() => throw new InvalidDataException("disk full"));
        queue.Post(() => ran.Add(3));
        gate.Set();
        Assert.Equal("disk full", Assert.Throws<InvalidDataException>(queue.WaitForWrites).Message);
        Assert.Equal([1], ran);
    }
}
