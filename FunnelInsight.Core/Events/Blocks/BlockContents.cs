using System.Text;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.EventBlocks;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Events.Blocks;

/// <summary>A store's events and sessions unpacked from their blocks, text decoded.</summary>
internal static class BlockContents
{
    /// <summary>Every event of the store, in id order.</summary>
    public static IReadOnlyList<StoredEvent> Events(SqliteConnection connection, int storeId, CancellationToken cancellationToken)
    {
        var blocks = new List<(long Key, int ImportId, byte[] Data)>();
        using (var rows = new RawRows(connection, "SELECT Id, ImportId, Data FROM EventBlocks WHERE Id BETWEEN ?1 AND ?2 ORDER BY Id", StoreRowIds.Range(storeId)))
        {
            while (rows.Read())
            {
                blocks.Add((rows.Int64(0), (int)rows.Int64(1), rows.Bytes(2).ToArray()));
            }
        }

        var events = new List<StoredEvent>();
        var decoder = new EventBlockDecoder();
        foreach (var (key, importId, data) in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            decoder.Reset(key, data);
            while (decoder.Next(out var id, out var row))
            {
                var text = decoder.Data;
                events.Add(new StoredEvent(id, importId, row.Line, row.TimeUs, Text(text, row.SessionKey), Text(text, row.VisitorKey)!,
                    Text(text, row.EventName)!, Text(text, row.ProductId), row.Price, row.Quantity, Text(text, row.OrderId),
                    Text(text, row.Device), Text(text, row.Channel), Text(text, row.Country), row.PageLoadMs));
            }
        }

        return events;
    }

    /// <summary>Every session of the store, in id order.</summary>
    public static IReadOnlyList<(long Id, SessionSummary Session)> Sessions(SqliteConnection connection, int storeId, CancellationToken cancellationToken)
    {
        var sessions = new List<(long, SessionSummary)>();
        SessionBlockStore.Read(connection, storeId, (long id, in SessionRecord s, ReadOnlySpan<byte> text) => sessions.Add((id, new SessionSummary
        {
            SessionKey = Text(text, s.SessionKey)!,
            VisitorKey = Text(text, s.VisitorKey)!,
            StartUs = s.StartUs,
            EndUs = s.EndUs,
            Device = Text(text, s.Device),
            Channel = Text(text, s.Channel),
            Country = Text(text, s.Country),
            OrderedDepth = s.OrderedDepth,
            ProductUs = s.ProductUs,
            CartUs = s.CartUs,
            CheckoutUs = s.CheckoutUs,
            PurchaseUs = s.PurchaseUs,
            OpenMask = s.OpenMask,
            StepMask = s.StepMask,
            LastStep = s.LastStep,
            SignalMask = s.SignalMask,
            ExitSignal = s.ExitSignal,
            LastEventName = Text(text, s.LastEventName)!,
            CartValue = s.CartValue,
            CartItems = s.CartItems,
            PurchaseValue = s.PurchaseValue,
            EventCount = s.EventCount,
            AvgPageLoadMs = s.AvgPageLoadMs,
            StagePath = text.Slice(s.StagePath.Offset, s.StagePath.Length).ToArray(),
        })), cancellationToken);
        return sessions;
    }

    private static string? Text(ReadOnlySpan<byte> text, TextRange range) =>
        range.IsNull ? null : Encoding.UTF8.GetString(text.Slice(range.Offset, range.Length));
}
