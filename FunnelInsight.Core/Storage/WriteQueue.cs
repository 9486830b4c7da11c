using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// Runs writes on one background thread, in the order they were posted, so that an import parses on one core while
/// SQLite stores on the other. A SQLite connection serves one thread at a time: everything posted here is the only use
/// of the import's connection until <see cref="Complete"/> returns. The queue is bounded, so a fast reader waits for
/// the writer instead of piling batches up in memory.
/// </summary>
internal sealed class WriteQueue : IDisposable
{
    private readonly BlockingCollection<Action> _writes = new(boundedCapacity: 16);
    private readonly Task _worker;
    private readonly List<IDisposable> _owned = [];
    private ExceptionDispatchInfo? _failure;
    private volatile bool _abandoned;

    public WriteQueue() => _worker = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Takes <paramref name="resource"/> (a prepared statement the writes use) to dispose once the last write has run,
    /// so that it never goes while a write still needs it. Create it before the first post: the connection is the
    /// queue's from then on.
    /// </summary>
    public T Own<T>(T resource)
        where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    /// <summary>Queues a write; waits while the queue is full.</summary>
    /// <exception cref="Exception">Whatever an earlier write threw: the queue stops at the first failure.</exception>
    public void Post(Action write)
    {
        _failure?.Throw();
        try
        {
            _writes.Add(write);
        }
        catch (InvalidOperationException) when (_failure is not null)
        {
            _failure.Throw();
        }
    }

    /// <summary>Waits until every write posted so far has run, and leaves the queue open; rethrows the first failure.</summary>
    public void WaitForWrites()
    {
        using var done = new ManualResetEventSlim();
        Post(done.Set);
        // After a failure the writes left are drained unrun, so the worker ends instead of setting the event.
        WaitHandle.WaitAny([done.WaitHandle, ((IAsyncResult)_worker).AsyncWaitHandle]);
        _failure?.Throw();
    }

    /// <summary>Waits until every posted write has run; rethrows the first failure.</summary>
    public void Complete()
    {
        _writes.CompleteAdding();
        _worker.Wait();
        _failure?.Throw();
    }

    /// <summary>Stops the queue; writes still waiting are dropped unless <see cref="Complete"/> ran (the caller is failing and rolls back).</summary>
    public void Dispose()
    {
        _abandoned = true;
        _writes.CompleteAdding();
        try
        {
            _worker.Wait();
        }
        catch (AggregateException)
        {
            // Run catches every failure of a write; nothing else is expected here.
        }

        _writes.Dispose();
        foreach (var resource in _owned)
        {
            resource.Dispose();
        }
    }

    private void Run()
    {
        foreach (var write in _writes.GetConsumingEnumerable())
        {
            if (_failure is not null || _abandoned)
            {
                continue;
            }

            try
            {
                write();
            }
            catch (Exception ex)
            {
                // Kept and rethrown to the poster; the remaining writes are drained unrun.
                _failure = ExceptionDispatchInfo.Capture(ex);
                _writes.CompleteAdding();
            }
        }
    }
}
