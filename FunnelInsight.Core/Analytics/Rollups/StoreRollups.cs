using FunnelInsight.Core.Storage;

namespace FunnelInsight.Core.Analytics.Rollups;

/// <summary>
/// The temporary folders of session roll-ups (each holds the rolled events sorted into a Parquet file, see
/// <c>DuckDbSessionRoller</c>): their names, and removing those of roll-ups that died.
/// </summary>
internal static class StoreRollups
{
    private const string FolderPrefix = "funnelinsight-rollup-";

    /// <summary>A new folder name for one roll-up's files.</summary>
    public static string TemporaryFolder() => Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N"));

    /// <summary>The file in a roll-up's folder that its process holds locked (see <see cref="OwnerLock"/>).</summary>
    public const string OwnerLockName = "owner.lock";

    // A folder without its lock yet is one being made this instant (the lock follows at once), or one from an older version.
    private static readonly TimeSpan UnlockedAge = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Deletes the folders of roll-ups whose process has ended (killed, crashed), at once: a folder whose owner
    /// lock is free. A build still running, here or in another process, holds its lock and keeps its files. Returns how many.
    /// </summary>
    public static int RemoveLeftovers()
    {
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var ownerLock = Path.Combine(folder, OwnerLockName);
                var dead = File.Exists(ownerLock) ? !OwnerLock.IsHeld(ownerLock) : DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > UnlockedAge;
                if (dead)
                {
                    Directory.Delete(folder, recursive: true);
                    removed++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone already, or another user's: left for the next sweep.
            }
        }

        return removed;
    }
}
