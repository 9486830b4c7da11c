namespace FunnelInsight.Core.Samples;

/// <summary>
/// Visitors or customers who will come back, keyed by when. Memory is bounded by the arrival rate times
/// the mean gap between visits, not by the length of the file.
/// </summary>
internal sealed class ReturnSchedule<T>
{
    private readonly PriorityQueue<T, (long At, long Order)> _queue = new();
    private long _scheduled;

    /// <summary>Books <paramref name="item"/> to come back at <paramref name="at"/> (seconds since the epoch).</summary>
    public void Add(T item, long at) => _queue.Enqueue(item, (at, _scheduled++));

    /// <summary>The item whose return is due by <paramref name="now"/> and earliest, if any.</summary>
    public bool TryTakeDue(long now, out T item)
    {
        if (_queue.TryPeek(out item!, out var due) && due.At <= now)
        {
            _queue.Dequeue();
            return true;
        }

        return false;
    }
}
