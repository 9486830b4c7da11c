using Microsoft.Data.Sqlite;

namespace FunnelInsight.Core.Storage.Providers;

/// <summary>
/// Waits for SQLite's one write lock, as long as it takes: another import into a large store can hold it for minutes,
/// longer than any busy timeout. Polls with a short timeout, so that a cancel is seen within a second, and says once
/// that it is waiting.
/// </summary>
internal static class SqliteWriteTurn
{
    private const int SqliteBusy = 5;
    private const int PollSeconds = 1;

    /// <summary>Begins a write (<c>BEGIN IMMEDIATE</c>) transaction on <paramref name="connection"/>, calling <paramref name="waiting"/> once if it has to wait.</summary>
    public static SqliteTransaction Begin(SqliteConnection connection, Action? waiting, CancellationToken cancellationToken)
    {
        var timeout = connection.DefaultTimeout;
        connection.DefaultTimeout = PollSeconds;
        try
        {
            var told = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    return connection.BeginTransaction();
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteBusy)
                {
                    if (!told)
                    {
                        told = true;
                        waiting?.Invoke();
                    }
                }
            }
        }
        finally
        {
            connection.DefaultTimeout = timeout;
        }
    }
}
