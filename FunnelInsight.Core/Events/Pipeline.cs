using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace FunnelInsight.Core.Events;

/// <summary>
/// Hands work from the caller's thread to one thread of its own, in order, so that producing it (reading and validating
/// a file, reading stored events back) and consuming it (writing rows, building sessions) run on two cores. At most
/// <see cref="Waiting"/> items wait between the two, so memory does not grow when the consumer is the slower.
/// </summary>
/// <remarks>
/// The consumer runs on one thread only, from the first <see cref="Add"/> until <see cref="Finish"/> (or
/// <see cref="Dispose"/>) returns; what it touches belongs to the caller again after that. A failure of the consumer is
/// thrown by the next <see cref="Add"/> or by <see cref="Finish"/>, as if the caller had consumed the item itself.
/// </remarks>
/// <typeparam name="T">What is handed over: a batch, not a row, so the handover costs little beside the work.</typeparam>
internal sealed class Pipeline<T> : IDisposable
{
    /// <summary>Items that may wait to be consumed.</summary>
    public const int Waiting = 8;

    private readonly BlockingCollection<T> _items = new(Waiting);
    private readonly CancellationTokenSource _stop;
    private readonly Task _consumer;

    /// <summary>Starts the thread that gives each item to <paramref name="consume"/>.</summary>
    public Pipeline(Action<T> consume, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _consumer = Task.Factory.StartNew(() => Consume(consume), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Queues <paramref name="item"/> after the items queued before it; waits while <see cref="Waiting"/> do.</summary>
    public void Add(T item)
    {
        try
        {
            _items.Add(item, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the caller, or stopped because the consumer failed: the consumer's own exception says which.
            ThrowConsumerFailure();
            throw;
        }
    }

    /// <summary>Waits until every queued item is consumed; throws what the consumer failed with.</summary>
    public void Finish()
    {
        _items.CompleteAdding();
        ThrowConsumerFailure();
    }

    /// <summary>Stops the consumer (dropping what still waits, when <see cref="Finish"/> was not reached) and waits for it.</summary>
    public void Dispose()
    {
        if (!_consumer.IsCompleted)
        {
            _items.CompleteAdding();
            _stop.Cancel();
            try
            {
                _consumer.Wait();
            }
            catch (AggregateException)
            {
                // The caller is already failing with its own exception; the consumer's is stopping because of it.
            }
        }

        _items.Dispose();
        _stop.Dispose();
    }

    private void Consume(Action<T> consume)
    {
        try
        {
            foreach (var item in _items.GetConsumingEnumerable(_stop.Token))
            {
                consume(item);
            }
        }
        catch
        {
            _stop.Cancel();
            throw;
        }
    }

    private void ThrowConsumerFailure()
    {
        try
        {
            _consumer.Wait();
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
        }
    }
}
