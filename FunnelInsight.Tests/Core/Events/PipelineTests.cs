using FunnelInsight.Core.Import.Events;

namespace FunnelInsight.Tests.Core.Events;

/// <summary>
/// The pipeline between an import's parsing and its event store's append (and between a roll-up's reading and its
/// session builder): items reach the consumer in order, on one other thread, and a failure on either side ends the
/// work with the failure that caused it. (That imports and roll-ups through it store what they did before is the
/// whole import suite's business: every event import goes through it.)
/// </summary>
public sealed class PipelineTests
{
    [Fact]
    public void Batches_reach_the_append_in_the_order_they_were_added_all_before_finish_returns()
    {
        var append = new RecordingAppend();
        using (var pipeline = new Pipeline<EventBatch>(append.Add, CancellationToken.None))
        {
            for (var i = 0; i < 100; i++)
            {
                pipeline.Add(new EventBatch(1, 1_000 + i));
            }

            pipeline.Finish();
            Assert.Equal(Enumerable.Range(0, 100).Select(i => 1_000L + i), append.FirstIds);
        }

        Assert.Single(append.Threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, append.Threads.Single());
    }

    [Fact]
    public void A_failure_of_the_append_is_thrown_by_finish_with_its_own_message()
    {
        var append = new RecordingAppend { FailAt = 3 };
        using var pipeline = new Pipeline<EventBatch>(append.Add, CancellationToken.None);
        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            for (var i = 0; i < 5; i++)
            {
                pipeline.Add(new EventBatch(1, i));
            }

            pipeline.Finish();
        });

        Assert.Equal("append failed at batch 3", thrown.Message);
        Assert.Equal([0L, 1L, 2L], append.FirstIds);
    }

    [Fact]
    public void A_failed_append_stops_a_caller_that_keeps_adding_instead_of_blocking_it_when_the_queue_is_full()
    {
        var append = new RecordingAppend { FailAt = 0 };
        using var pipeline = new Pipeline<EventBatch>(append.Add, CancellationToken.None);
        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            // More batches than may wait: without the failure stopping the caller, this would wait forever.
            for (var i = 0; i < Pipeline<EventBatch>.Waiting * 4; i++)
            {
                pipeline.Add(new EventBatch(1, i));
            }
        });

        Assert.Equal("append failed at batch 0", thrown.Message);
        Assert.Empty(append.FirstIds);
    }

    [Fact]
    public void Cancelling_the_import_stops_the_writer_and_is_thrown_as_a_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var append = new RecordingAppend { OnAdd = id => { if (id == 2) cancel.Cancel(); } };
        using var pipeline = new Pipeline<EventBatch>(append.Add, cancel.Token);
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                pipeline.Add(new EventBatch(1, i));
            }

            pipeline.Finish();
        });

        Assert.True(append.FirstIds.Count < 1_000, $"{append.FirstIds.Count} batches were written after the cancellation");
    }

    [Fact]
    public void Disposing_before_finish_waits_for_the_writer_so_the_append_is_never_used_after_it()
    {
        var append = new RecordingAppend { OnAdd = _ => Thread.Yield() };
        var pipeline = new Pipeline<EventBatch>(append.Add, CancellationToken.None);
        for (var i = 0; i < Pipeline<EventBatch>.Waiting; i++)
        {
            pipeline.Add(new EventBatch(1, i));
        }

        pipeline.Dispose();
        Assert.False(append.Adding, "the writer was still inside the append after Dispose returned");
    }

    private sealed class RecordingAppend : IEventAppend
    {
        private readonly List<long> _firstIds = [];

        public int? FailAt { get; init; }

        public Action<long>? OnAdd { get; init; }

        public HashSet<int> Threads { get; } = [];

        public bool Adding { get; private set; }

        public IReadOnlyList<long> FirstIds
        {
            get
            {
                lock (_firstIds)
                {
                    return [.. _firstIds];
                }
            }
        }

        public long FirstEventId => 0;

        public void Add(EventBatch batch)
        {
            Adding = true;
            Threads.Add(Environment.CurrentManagedThreadId);
            if (batch.FirstId == FailAt)
            {
                Adding = false;
                throw new InvalidOperationException($"append failed at batch {batch.FirstId}");
            }

            OnAdd?.Invoke(batch.FirstId);
            lock (_firstIds)
            {
                _firstIds.Add(batch.FirstId);
            }

            Adding = false;
        }

        public AppendOutcome Complete(Action buildingRollups, CancellationToken cancellationToken) => new(0, 0);

        public void Dispose()
        {
        }
    }
}
