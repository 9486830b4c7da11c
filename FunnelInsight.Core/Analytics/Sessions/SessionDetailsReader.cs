using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>Reads the text columns the memory table leaves out (keys, end time) for a few sessions by row id.</summary>
internal static class SessionDetailsReader
{
    private const int Batch = 500;

    /// <summary>Session key, visitor key, start and end of each row id asked for.</summary>
    public static Dictionary<long, (string Session, string Visitor, long StartUs, long EndUs)> Read(
        SqliteConnection connection, IReadOnlyList<long> rowIds, CancellationToken cancellationToken)
    {
        var details = new Dictionary<long, (string, string, long, long)>(rowIds.Count);
        for (var offset = 0; offset < rowIds.Count; offset += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(Batch, rowIds.Count - offset);
            using var command = connection.CreateCommand();
            var names = new string[count];
            for (var k = 0; k < count; k++)
            {
                names[k] = $"$id{k}";
                command.Parameters.AddWithValue(names[k], rowIds[offset + k]);
            }

            command.CommandText = $"SELECT Id, SessionKey, VisitorKey, StartUs, EndUs FROM Sessions WHERE Id IN ({string.Join(',', names)})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                details[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4));
            }
        }

        return details;
    }
}
