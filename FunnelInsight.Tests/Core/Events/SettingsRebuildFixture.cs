namespace FunnelInsight.Tests.Core.Events;

/// <summary>A store whose settings rebuild was cut short, for either events engine's recovery tests.</summary>
internal static class SettingsRebuildFixture
{
    /// <summary>
    /// One visitor's events at 0, 10 and 50 minutes: two sessions at the default 30-minute timeout, one at 60. The
    /// store's sessions are rolled up at 60 minutes while its row says 30 again, as a kill after the events engine's
    /// commit of the rebuild and before the application database's commit of the settings leaves it.
    /// </summary>
    /// <returns>The store's id.</returns>
    public static async Task<int> RolledUpAtSixtyMinutesWithThirtyStoredAsync(TempDatabase db)
    {
        await db.ImportAsync(ImportKind.Events, db.WriteFile("rr.csv", "timestamp,visitorid,event,itemid,transactionid\n" +
            "1433221200000,7,view,100,\n1433221800000,7,addtocart,100,\n1433224200000,7,view,101,\n"));
        var storeId = (await db.Stores.FindAsync("Test"))!.Id;
        await new StoreSettingsService(db.Database).SaveAsync(storeId, new StoreSettings(StageMap.DefaultText, 60, 168, "USD", "UTC"));
        Assert.Single(await db.SessionsAsync());
        await db.CountAsync($"UPDATE Stores SET SessionTimeoutMinutes = 30 WHERE Id = {storeId}");
        return storeId;
    }
}
