using System.Text;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Domain;
using FunnelInsight.Core.Storage;

namespace FunnelInsight.Tests.Core.Analytics.Rollups;

public class EventPartitionsTests
{
    private const long Minute = 60_000_000;

    [Fact]
    public void Sessions_scattered_through_many_spilled_partitions_come_back_whole()
    {
        var folder = TemporaryFolder();
        // 2,000 sessions of 5 events in a shuffled order, 4 partitions of about 2,500 events: each outgrows its 64 KiB buffer and spills.
        var events = Enumerable.Range(0, 2_000)
            .SelectMany(s => Enumerable.Range(0, 5).Select(k => (Session: $"session-{s}", Time: (s * 100 * Minute) + (k * Minute), Name: k == 0 ? "session_start" : "view_item")))
            .OrderBy(e => HashCode.Combine(e.Session, e.Time))
            .ToList();
        var sessions = new List<SessionSummary>();
        using (var partitions = new EventPartitions(folder, events.Count, eventsPerPartition: 2_500))
        {
            var id = 1L;
            foreach (var e in events)
            {
                Add(partitions, id, e.Time, identity: id, e.Session, "visitor", e.Name);
                id++;
            }

            Assert.Equal(4, partitions.PartitionCount);
            Assert.Equal(4, Directory.GetFiles(folder, "partition-*").Length);
            Roll(partitions, sessions.Add, _ => Assert.Fail("no repeats"));
        }

        Assert.False(Directory.Exists(folder));
        Assert.Equal(2_000, sessions.Count);
        Assert.All(sessions, s => Assert.Equal((5, 1), (s.EventCount, s.OrderedDepth)));
        var s7 = sessions.Single(s => s.SessionKey == "session-7");
        Assert.Equal((700 * Minute, 704 * Minute), (s7.StartUs, s7.EndUs));
    }

    [Fact]
    public void A_repeated_event_keeps_its_first_stored_copy_and_reports_the_later_ones()
    {
        using var partitions = new EventPartitions(TemporaryFolder(), 10);
        // Ids 5 and 9 repeat id 2 (same time, same identity); id 7 has the same identity at another time, so it is not a repeat.
        Add(partitions, 9, Minute, identity: 42, "s1", "v1", "view_item");
        Add(partitions, 2, Minute, identity: 42, "s1", "v1", "view_item");
        Add(partitions, 1, 0, identity: 41, "s1", "v1", "session_start");
        Add(partitions, 5, Minute, identity: 42, "s1", "v1", "view_item");
        Add(partitions, 7, 2 * Minute, identity: 42, "s1", "v1", "view_item");
        var sessions = new List<SessionSummary>();
        var repeats = new List<long>();

        Roll(partitions, sessions.Add, repeats.Add);

        Assert.Equal([5L, 9L], repeats);
        Assert.Equal((3, 0L, 2 * Minute), (sessions.Single().EventCount, sessions.Single().StartUs, sessions.Single().EndUs));
    }

    [Fact]
    public void A_visitor_without_session_ids_is_cut_at_the_timeout_and_a_session_id_of_the_same_text_stays_apart()
    {
        using var partitions = new EventPartitions(TemporaryFolder(), 10);
        Add(partitions, 1, 0, identity: 1, session: null, "u1", "session_start");
        Add(partitions, 2, 10 * Minute, identity: 2, session: null, "u1", "view_item");
        Add(partitions, 3, 41 * Minute, identity: 3, session: null, "u1", "session_start");
        Add(partitions, 4, 0, identity: 4, session: "u1", "someone", "session_start");
        var sessions = new List<SessionSummary>();

        Roll(partitions, sessions.Add, _ => { });

        Assert.Equal(
            [("u1", "someone", 1), ("u1#0", "u1", 2), ($"u1#{41 * Minute}", "u1", 1)],
            sessions.Select(s => (s.SessionKey, s.VisitorKey, s.EventCount)).OrderBy(s => s.SessionKey, StringComparer.Ordinal));
    }

    [Fact]
    public void Text_fields_keep_missing_apart_from_empty_and_arrive_as_written()
    {
        using var partitions = new EventPartitions(TemporaryFolder(), 10);
        partitions.Add(new PartitionedEvent
        {
            Id = 1,
            TimeUs = 0,
            IdentityHash = 1,
            HasSession = true,
            SessionKey = "جلسة-١"u8,
            VisitorKey = "زائر"u8,
            EventName = "add_to_cart"u8,
            Price = 12.5,
            Quantity = 2,
            PageLoadMs = 900,
            HasDevice = true,
            Device = "mobile"u8,
            HasChannel = true,
            Channel = ""u8,
        });
        var sessions = new List<SessionSummary>();

        Roll(partitions, sessions.Add, _ => { });

        var s = sessions.Single();
        Assert.Equal(("جلسة-١", "زائر", "mobile", "", null), (s.SessionKey, s.VisitorKey, s.Device, s.Channel, s.Country));
        Assert.Equal((25.0, 2, 900.0), (s.CartValue, s.CartItems, s.AvgPageLoadMs));
    }

    // 3,000 sessions of 4 events over 12 partitions, every tenth event repeated right after it with a higher id.
    private static (List<string> Sessions, List<long> Repeats) BuildMany(int threads)
    {
        var sessions = new List<string>();
        var repeats = new List<long>();
        using var partitions = new EventPartitions(TemporaryFolder(), 12_000, eventsPerPartition: 1_000);
        var id = 1L;
        for (var s = 0; s < 3_000; s++)
        {
            for (var k = 0; k < 4; k++)
            {
                var time = (s * 10 * Minute) + (k * Minute);
                Add(partitions, id++, time, identity: (s * 4) + k, $"session-{s}", "visitor", k == 0 ? "session_start" : "view_item");
                if (((s * 4) + k) % 10 == 0)
                {
                    Add(partitions, id++, time, identity: (s * 4) + k, $"session-{s}", "visitor", k == 0 ? "session_start" : "view_item");
                }
            }
        }

        Assert.Equal(12, partitions.PartitionCount);
        var built = Roll(partitions, session => sessions.Add(session.SessionKey), repeats.Add, threads);
        Assert.Equal(sessions.Count, built);
        return (sessions, repeats);
    }

    [Fact]
    public void Building_on_several_threads_hands_over_the_same_sessions_and_repeats_in_the_same_order_as_one_thread()
    {
        var one = BuildMany(threads: 1);
        var three = BuildMany(threads: 3);

        Assert.Equal(3_000, one.Sessions.Distinct().Count());
        Assert.Equal(1_200, one.Repeats.Count);
        Assert.Equal(one.Sessions, three.Sessions);
        Assert.Equal(one.Repeats, three.Repeats);
    }

    [Fact]
    public void A_failure_while_handing_over_stops_every_thread_and_reaches_the_caller()
    {
        using var partitions = new EventPartitions(TemporaryFolder(), 10_000, eventsPerPartition: 1_000);
        for (var i = 0; i < 10_000; i++)
        {
            Add(partitions, i + 1, i * Minute, identity: i, $"session-{i}", "visitor", "session_start");
        }

        var handed = 0;
        var thrown = Assert.Throws<IOException>(() => Roll(partitions, _ => throw new IOException("disk full after " + ++handed), _ => { }, threads: 2));

        Assert.Equal("disk full after 1", thrown.Message);
        Assert.Equal(1, handed);
    }

    // Rolls the partitions up and hands each partition's sessions and repeats, in order, to the callbacks.
    private static long Roll(EventPartitions partitions, Action<SessionSummary> onSession, Action<long> onRepeat, int threads = 1) =>
        new SessionRollupBuilder(StageMap.Default, TimeSpan.FromMinutes(30)).Build(
            partitions,
            TrackedStages.All,
            () => new ListSink(),
            sink =>
            {
                sink.List.ForEach(onSession);
                sink.RepeatIds.ForEach(onRepeat);
            },
            CancellationToken.None,
            threads);

    private sealed class ListSink : IPartitionSink
    {
        public List<SessionSummary> List { get; } = [];

        public List<long> RepeatIds { get; } = [];

        public long Sessions => List.Count;

        public void Session(SessionSummary session) => List.Add(session);

        public void Repeat(long eventId, long keptId) => RepeatIds.Add(eventId);
    }

    private static void Add(EventPartitions partitions, long id, long time, long identity, string? session, string visitor, string name) =>
        partitions.Add(new PartitionedEvent
        {
            Id = id,
            TimeUs = time,
            IdentityHash = identity,
            HasSession = session is not null,
            SessionKey = Encoding.UTF8.GetBytes(session ?? ""),
            VisitorKey = Encoding.UTF8.GetBytes(visitor),
            EventName = Encoding.UTF8.GetBytes(name),
        });

    private static string TemporaryFolder() => Path.Combine(Path.GetTempPath(), "funnelinsight-tests", "partitions-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Partition_folders_whose_owner_is_gone_are_swept_at_once_and_live_ones_stay()
    {
        string Folder()
        {
            var folder = StoreRollups.TemporaryFolder();
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "partition-0.bin"), [1, 2, 3]);
            return folder;
        }

        var dead = Folder();
        File.WriteAllBytes(Path.Combine(dead, StoreRollups.OwnerLockName), []);
        var live = Folder();
        using var owner = OwnerLock.Take(Path.Combine(live, StoreRollups.OwnerLockName));
        var unlockedOld = Folder();
        Directory.SetLastWriteTimeUtc(unlockedOld, DateTime.UtcNow.AddDays(-2));
        var unlockedFresh = Folder();

        var removed = StoreRollups.RemoveLeftovers();

        Assert.True(removed >= 2);
        Assert.Equal((false, true, false, true), (Directory.Exists(dead), Directory.Exists(live), Directory.Exists(unlockedOld), Directory.Exists(unlockedFresh)));
        Directory.Delete(unlockedFresh, recursive: true);
    }

    [Fact]
    public void A_spilling_partition_set_holds_its_folder_lock_until_disposed()
    {
        var folder = StoreRollups.TemporaryFolder();
        var partitions = new EventPartitions(folder, expectedEvents: 1);
        for (var i = 0; i < 2000; i++)
        {
            Add(partitions, i, i, identity: i, "s-" + new string('x', 40), "v1", "page_view");
        }

        var ownerLock = Path.Combine(folder, StoreRollups.OwnerLockName);
        Assert.True(OwnerLock.IsHeld(ownerLock));
        StoreRollups.RemoveLeftovers();
        Assert.True(Directory.Exists(folder));

        partitions.Dispose();

        Assert.False(Directory.Exists(folder));
    }
}
