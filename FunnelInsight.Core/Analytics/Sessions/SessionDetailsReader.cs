using System.Text;
using FunnelInsight.Core.Storage;
using FunnelInsight.Core.Storage.SessionBlocks;
using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>Reads what the memory table leaves out (keys, end time) for a few sessions by id, from their blocks.</summary>
internal static class SessionDetailsReader
{
    /// <summary>Session key, visitor key, start and end of each session id asked for (all of one store).</summary>
    public static Dictionary<long, (string Session, string Visitor, long StartUs, long EndUs)> Read(
        SqliteConnection connection, IReadOnlyList<long> rowIds, CancellationToken cancellationToken)
    {
        var details = new Dictionary<long, (string, string, long, long)>(rowIds.Count);
        if (rowIds.Count == 0)
        {
            return details;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var wanted = rowIds.ToHashSet();
        var storeId = (int)(rowIds[0] / StoreRowIds.PerStore);
        SessionBlockStore.ReadAround(connection, storeId, wanted, (long id, in SessionRecord s, ReadOnlySpan<byte> text) =>
        {
            if (wanted.Contains(id))
            {
                details[id] = (Text(text, s.SessionKey.Offset, s.SessionKey.Length), Text(text, s.VisitorKey.Offset, s.VisitorKey.Length), s.StartUs, s.EndUs);
            }
        });
        return details;
    }

    private static string Text(ReadOnlySpan<byte> text, int offset, int length) => Encoding.UTF8.GetString(text.Slice(offset, Math.Max(length, 0)));
}
