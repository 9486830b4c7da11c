using FunnelInsight.Core.Analytics.Rollups;

namespace FunnelInsight.Tests.Core.Analytics.Rollups;

public class StoreRollupsTests
{
    [Fact]
    public void Roll_up_folders_whose_owner_is_gone_are_swept_at_once_and_live_ones_stay()
    {
        string Folder()
        {
            var folder = StoreRollups.TemporaryFolder();
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "events.parquet"), [1, 2, 3]);
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
        owner.Dispose();
        Directory.Delete(live, recursive: true);
    }
}
