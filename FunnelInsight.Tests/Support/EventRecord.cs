using System.Text;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.EventBlocks;

namespace FunnelInsight.Tests.Support;

/// <summary>A stored event as tests compare it.</summary>
internal sealed record EventRecord(
    long TimeUs, string? Session, string Visitor, string Name, string? Product, double? Price, int? Quantity,
    string? Order, string? Device, string? Channel, string? Country, int? PageLoadMs)
{
    /// <summary>Every stored event of every store, in import and line order.</summary>
    public static async Task<IReadOnlyList<EventRecord>> AllAsync(TempDatabase db) =>
        (await StoredAsync(db.Database)).OrderBy(e => e.ImportId).ThenBy(e => e.Line).Select(e => e.Event).ToList();

    /// <summary>Every stored event of every store with its id, import and line, unpacked from the blocks, in id order.</summary>
    public static async Task<IReadOnlyList<(long Id, int ImportId, long Line, EventRecord Event)>> StoredAsync(FunnelDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var blocks = new List<(long Id, int ImportId, byte[] Data)>();
        using (var rows = new RawRows(connection, "SELECT Id, ImportId, Data FROM EventBlocks ORDER BY Id", []))
        {
            while (rows.Read())
            {
                blocks.Add((rows.Int64(0), (int)rows.Int64(1), rows.Bytes(2).ToArray()));
            }
        }

        var events = new List<(long, int, long, EventRecord)>();
        var decoder = new EventBlockDecoder();
        foreach (var (key, importId, data) in blocks)
        {
            decoder.Reset(key, data);
            while (decoder.Next(out var id, out var row))
            {
                events.Add((id, importId, row.Line, From(row, decoder.Data)));
            }
        }

        return events;
    }

    private static EventRecord From(in EventRow row, ReadOnlySpan<byte> text) => new(
        row.TimeUs, Text(text, row.SessionKey), Text(text, row.VisitorKey)!, Text(text, row.EventName)!, Text(text, row.ProductId),
        row.Price, row.Quantity, Text(text, row.OrderId), Text(text, row.Device), Text(text, row.Channel), Text(text, row.Country), row.PageLoadMs);

    private static string? Text(ReadOnlySpan<byte> text, TextRange range) =>
        range.IsNull ? null : Encoding.UTF8.GetString(text.Slice(range.Offset, range.Length));
}
