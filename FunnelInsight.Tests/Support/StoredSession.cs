using System.Text;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.SessionBlocks;

namespace FunnelInsight.Tests.Support;

/// <summary>A stored session rollup as tests compare it, unpacked from its block.</summary>
internal sealed record StoredSession(
    long Id, string Session, string Visitor, long StartUs, long EndUs, string? Device, string? Channel, string? Country, int Depth,
    long? ProductUs, long? CartUs, long? CheckoutUs, long? PurchaseUs, int OpenMask, int StepMask, int LastStep,
    int SignalMask, int ExitSignal, string LastEvent, double CartValue, int CartItems, double PurchaseValue, int Events,
    double? AvgLoad, byte[] StagePath)
{
    /// <summary>Every stored session of every store, in id order.</summary>
    public static async Task<IReadOnlyList<StoredSession>> AllAsync(FunnelDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var blocks = new List<(long Id, byte[] Data)>();
        using (var rows = new RawRows(connection, "SELECT Id, Data FROM SessionBlocks ORDER BY Id", []))
        {
            while (rows.Read())
            {
                blocks.Add((rows.Int64(0), rows.Bytes(1).ToArray()));
            }
        }

        var sessions = new List<StoredSession>();
        var decoder = new SessionBlockDecoder();
        foreach (var (key, data) in blocks)
        {
            decoder.Reset(key, data);
            while (decoder.Next(out var id, out var s))
            {
                sessions.Add(From(id, s, decoder.Data));
            }
        }

        return sessions;
    }

    private static StoredSession From(long id, in SessionRecord s, ReadOnlySpan<byte> text) => new(
        id, Text(text, s.SessionKey)!, Text(text, s.VisitorKey)!, s.StartUs, s.EndUs, Text(text, s.Device), Text(text, s.Channel),
        Text(text, s.Country), s.OrderedDepth, s.ProductUs, s.CartUs, s.CheckoutUs, s.PurchaseUs, s.OpenMask, s.StepMask, s.LastStep,
        s.SignalMask, s.ExitSignal, Text(text, s.LastEventName)!, s.CartValue, s.CartItems, s.PurchaseValue, s.EventCount,
        s.AvgPageLoadMs, text.Slice(s.StagePath.Offset, s.StagePath.Length).ToArray());

    private static string? Text(ReadOnlySpan<byte> text, TextRange range) =>
        range.IsNull ? null : Encoding.UTF8.GetString(text.Slice(range.Offset, range.Length));
}
