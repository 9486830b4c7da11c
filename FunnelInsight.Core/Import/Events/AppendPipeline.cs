using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FunnelInsight.Core.Events;

namespace FunnelInsight.Core.Import.Events;

/// <summary>
/// Hands parsed batches to an event store's append on a thread of its own, in file order, so that reading and
/// validating the file and writing its rows run on two cores. At most <see cref="Waiting"/> batches wait between the
/// two, so an import's memory does not grow when the store writes slower than the file is read.
/// </summary>
/// <remarks>
/// The append is only ever used by one thread at a time: the writer thread from the first <see cref="Add"/> until
/// <see cref="Finish"/> returns, the caller before and after. A failure of the writer is thrown by the next
/// <see cref="Add"/> or by <see cref="Finish"/>, as if the caller had written the batch itself.
/// </remarks>
internal sealed class AppendPipeline : IDisposable
{
    /// <summary>Batches that may wait to be written.</summary>
    public const int Waiting = 8;

    private readonly BlockingCollection<EventBatch> _batches = new(Waiting);
    private readonly CancellationTokenSource _stop;
    private readonly Task _writer;

    /// <summary>Starts the writer thread for <paramref name="append"/>.</summary>
    public AppendPipeline(IEventAppend append, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _writer = Task.Factory.StartNew(() => Write(append), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Queues <paramref name="batch"/> to be written after the batches queued before it; waits while <see cref="Waiting"/> do.</summary>
    public void Add(EventBatch batch)
    {
        try
        {
            _batches.Add(batch, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the caller, or stopped because the writer failed: the writer's own exception says which.
            ThrowWriterFailure();
            throw;
        }
    }

    /// <summary>Waits until every queued batch is written; throws what the writer failed with.</summary>
    public void Finish()
    {
        _batches.CompleteAdding();
        ThrowWriterFailure();
    }

    /// <summary>Stops the writer (dropping what still waits, when <see cref="Finish"/> was not reached) and waits for it.</summary>
    public void Dispose()
    {
        if (!_writer.IsCompleted)
        {
            _batches.CompleteAdding();
            _stop.Cancel();
            try
            {
                _writer.Wait();
            }
            catch (AggregateException)
            {
                // The caller is already failing with its own exception; the writer's is stopping because of it.
            }
        }

        _batches.Dispose();
        _stop.Dispose();
    }

    private void Write(IEventAppend append)
    {
        try
        {
            foreach (var batch in _batches.GetConsumingEnumerable(_stop.Token))
            {
                append.Add(batch);
            }
        }
        catch
        {
            _stop.Cancel();
            throw;
        }
    }

    private void ThrowWriterFailure()
    {
        try
        {
            _writer.Wait();
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
        }
    }
}
