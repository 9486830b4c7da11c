using System.Text;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Events.Blocks;

/// <summary>Reads what the memory table leaves out (keys, end time) for a few sessions by id, from their blocks.</summary>
internal static class SessionDetailsReader
{
    /// <summary>Session key, visitor key, start and end of each session id asked for (all of store <paramref name="storeId"/>).</summary>
    public static IReadOnlyDictionary<long, SessionKeys> Read(
        SqliteConnection connection, int storeId, IReadOnlyList<long> rowIds, CancellationToken cancellationToken)
    {
        var details = new Dictionary<long, SessionKeys>(rowIds.Count);
        if (rowIds.Count == 0)
        {
            return details;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var wanted = rowIds.ToHashSet();
        SessionBlockStore.ReadAround(connection, storeId, wanted, (long id, in SessionRecord s, ReadOnlySpan<byte> text) =>
        {
            if (wanted.Contains(id))
            {
                details[id] = new SessionKeys(Text(text, s.SessionKey.Offset, s.SessionKey.Length), Text(text, s.VisitorKey.Offset, s.VisitorKey.Length), s.StartUs, s.EndUs);
            }
        });
        return details;
    }

    private static string Text(ReadOnlySpan<byte> text, int offset, int length) => Encoding.UTF8.GetString(text.Slice(offset, Math.Max(length, 0)));
}
