using System.IO.Hashing;
using System.Text;
using FunnelInsight.Core.Events;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage.EventBlocks;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Core.Storage;

public class EventBlockTests
{
    // An event as a test writes it: null text is a missing value.
    private sealed record Input(
        long Id, long TimeUs, long Line, string? Session, string Visitor, string Name, string? Product = null, string? Order = null,
        string? Device = null, string? Channel = null, string? Country = null, double? Price = null, int? Quantity = null, int? PageLoad = null);

    // Rows built the way the import builds them, so their identity hash is the import's.
    private static EventBatch Batch(IReadOnlyList<Input> inputs)
    {
        var batch = new EventBatch(inputs.Count, inputs[0].Id);
        foreach (var e in inputs)
        {
            var start = batch.BeginRow(e.TimeUs);
            var row = new EventRow { TimeUs = e.TimeUs, Line = e.Line, Price = e.Price, Quantity = e.Quantity, PageLoadMs = e.PageLoad };
            row.SessionKey = Append(batch, e.Session, true);
            row.VisitorKey = Append(batch, e.Visitor, true);
            row.EventName = Append(batch, e.Name, true);
            row.ProductId = Append(batch, e.Product, true);
            row.OrderId = Append(batch, e.Order, true);
            var identityEnd = batch.TextUsed;
            row.Device = Append(batch, e.Device, false);
            row.Channel = Append(batch, e.Channel, false);
            row.Country = Append(batch, e.Country, false);
            batch.Add(row, start, identityEnd);
        }

        return batch;
    }

    private static TextRange Append(EventBatch batch, string? text, bool separated) =>
        batch.Append(text is null ? default : Encoding.UTF8.GetBytes(text), text is null, separated);

    private static byte[] Encode(IReadOnlyList<Input> inputs)
    {
        var batch = Batch(inputs);
        var encoder = new EventBlockEncoder();
        for (var i = 0; i < batch.Count; i++)
        {
            encoder.Add(inputs[i].Id, batch[i], batch.TextBuffer);
        }

        return encoder.Data.ToArray();
    }

    private static List<(long Id, Input Event, long Identity)> Decode(long key, byte[] data)
    {
        var decoder = new EventBlockDecoder();
        decoder.Reset(key, data);
        var events = new List<(long, Input, long)>();
        while (decoder.Next(out var id, out var row))
        {
            string? Text(TextRange range) => range.IsNull ? null : Encoding.UTF8.GetString(decoder.Data.Slice(range.Offset, range.Length));
            events.Add((id, new Input(id, row.TimeUs, row.Line, Text(row.SessionKey), Text(row.VisitorKey)!, Text(row.EventName)!,
                Text(row.ProductId), Text(row.OrderId), Text(row.Device), Text(row.Channel), Text(row.Country), row.Price, row.Quantity, row.PageLoadMs), row.IdentityHash));
        }

        return events;
    }

    private static readonly Input[] Sample =
    [
        new(100, 1_740_823_200_000_000, 2, "S1", "V1", "session_start", Device: "mobile", Channel: "organic", Country: "SA", PageLoad: 900),
        new(101, 1_740_823_260_000_000, 3, "S1", "V1", "view_item", "P1", Price: 12.5, Quantity: 1, Device: "mobile", Channel: "organic", Country: "SA"),
        // Earlier than the row before it (a file need not be sorted), an empty product apart from a missing one, negative values.
        new(104, 1_740_823_100_000_000, 9, "S2", "V2", "view_item", "", Price: -0.25, Quantity: -3, PageLoad: 0),
        new(105, 1_740_823_300_000_000, 1_000_000_000_000, "جلسة-3", "زائر", "add_to_cart", "عطر, عود", "W1", "", "بحث", "السعودية", 1e300, int.MaxValue, int.MinValue),
        new(106, long.MinValue / 4, 1, null, "V1", "purchase", Order: "W2", Price: 0),
    ];

    [Fact]
    public void Events_come_back_field_for_field_with_the_ids_and_identity_hashes_they_went_in_with()
    {
        var decoded = Decode(100, Encode(Sample));

        Assert.Equal(Sample, decoded.Select(d => d.Event));
        var batch = Batch(Sample);
        Assert.Equal(Enumerable.Range(0, Sample.Length).Select(i => batch[i].IdentityHash), decoded.Select(d => d.Identity));
        // The identity as the import has always defined it: the time's bytes, then session, visitor, name, product and order, each ended by 0x1F.
        var first = (long)XxHash3.HashToUInt64([.. BitConverter.GetBytes(Sample[1].TimeUs), .. "S1\u001FV1\u001Fview_item\u001FP1\u001F\u001F"u8]);
        Assert.Equal(first, decoded[1].Identity);
    }

    [Fact]
    public void A_value_that_comes_again_in_a_block_is_stored_once()
    {
        var session = new string('s', 40);
        var events = Enumerable.Range(0, 1000)
            .Select(i => new Input(i + 1, 1_000_000 + (i * 1_000_000L), i + 2, session, session, "view_item", "P" + (i % 10), Device: "desktop", Channel: "organic", Country: "AE"))
            .ToList();

        var data = Encode(events);

        // Per event: id, line and time deltas (1 + 1 + 3 bytes), flags, eight one-byte codes; the 40-byte key is written once.
        Assert.InRange(data.Length, 1000 * 14, 1000 * 15);
        Assert.Equal(events, Decode(1, data).Select(d => d.Event));
    }

    [Fact]
    public void A_block_rewritten_under_its_key_without_its_first_events_keeps_the_others_ids()
    {
        var batch = Batch(Sample);
        var encoder = new EventBlockEncoder();
        encoder.StartAt(100);
        for (var i = 2; i < Sample.Length; i++)
        {
            encoder.Add(Sample[i].Id, batch[i], batch.TextBuffer);
        }

        Assert.Equal((100L, 106L, 3), (encoder.FirstId, encoder.LastId, encoder.Count));
        Assert.Equal(Sample[2..], Decode(100, encoder.Data.ToArray()).Select(d => d.Event));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Add(106, batch[0], batch.TextBuffer));
    }

    [Fact]
    public void A_damaged_block_is_reported_not_misread()
    {
        var data = Encode(Sample);

        Assert.Throws<InvalidDataException>(() => Decode(100, data[..^3]));
        // A session code past the field's next new value (the code comes right before the new value's length and bytes).
        var bad = Encode([Sample[0]]);
        bad[bad.AsSpan().IndexOf("S1"u8) - 2] = 9;
        Assert.Throws<InvalidDataException>(() => Decode(100, bad));
    }

    [Fact]
    public async Task Deleting_events_rewrites_the_blocks_that_keep_some_and_drops_the_blocks_that_keep_none()
    {
        await using var db = await TempDatabase.CreateAsync(EventEngine.Blocks);
        var store = await db.Stores.GetOrCreateAsync("blocks");
        var first = FunnelInsight.Core.Storage.StoreRowIds.First(store.Id) + 1;
        var count = EventBlockFormat.MaxEvents + 10;
        var inputs = Enumerable.Range(0, count).Select(i => new Input(first + i, 1_000_000L * i, i + 2, "S" + (i / 7), "V", "view_item")).ToList();
        await using (var connection = await db.Database.OpenAsync())
        {
            using var transaction = connection.BeginTransaction();
            using (var writer = new EventBlockWriter(connection, importId: 1))
            {
                writer.Write(Batch(inputs));
                writer.Flush();
            }

            // The second block (the last ten events) goes whole; the first loses its first, a middle and its last event.
            var doomed = new EventIdSet(store.Id);
            foreach (var id in (long[])[first, first + 5_000, first + EventBlockFormat.MaxEvents - 1, .. Enumerable.Range(EventBlockFormat.MaxEvents, 10).Select(i => first + i)])
            {
                doomed.Add(id);
            }

            EventBlockStore.Delete(connection, store.Id, doomed);
            // Ids past the last kept block may be given again: the events that had them are gone.
            Assert.Equal(first + EventBlockFormat.MaxEvents, EventBlockStore.NextEventId(connection, transaction, store.Id));
            transaction.Commit();
        }

        var stored = await EventRecord.StoredAsync(db.Database);
        var kept = inputs.Skip(1).Take(EventBlockFormat.MaxEvents - 2).Where(e => e.Id != first + 5_000).ToList();
        Assert.Equal(kept.Select(e => e.Id), stored.Select(e => e.Id));
        Assert.Equal(kept.Select(e => (e.Line, e.Session)), stored.Select(e => (e.Line, e.Event.Session)));
        Assert.Equal([(first, (long)kept.Count)], await db.QueryAsync<(long, long)>("SELECT Id, EventCount FROM EventBlocks", r => (r.GetInt64(0), r.GetInt64(1))));
        Assert.Equal(kept.Count, (await db.Stores.ListAsync()).Single().Events);
    }

    [Fact]
    public void An_id_set_counts_the_ids_of_any_range_across_its_words()
    {
        var set = new EventIdSet(2);
        var first = FunnelInsight.Core.Storage.StoreRowIds.First(2);
        long[] ids = [first + 1, first + 63, first + 64, first + 130, first + 10_000];
        foreach (var id in ids.Concat(ids))
        {
            set.Add(id);
        }

        Assert.Equal(5, set.Count);
        Assert.Equal(3, set.CountBetween(first + 1, first + 64));
        Assert.Equal(1, set.CountBetween(first + 64, first + 129));
        Assert.Equal(0, set.CountBetween(first + 2, first + 62));
        Assert.Equal(2, set.CountBetween(first + 65, first + 20_000_000));
        Assert.Equal((true, false, false), (set.Contains(first + 130), set.Contains(first + 131), set.Contains(first + 50_000_000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Add(FunnelInsight.Core.Storage.StoreRowIds.First(3)));
    }
}
