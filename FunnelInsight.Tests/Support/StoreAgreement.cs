using DuckDB.NET.Data;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// What a killed write must leave: the store as it was before or complete, never half, with the application database
/// (the imports' records) and the events engine (events, sessions, markers) telling the same story.
/// </summary>
internal static class StoreAgreement
{
    /// <summary>
    /// Asserts that the store holds <paramref name="before"/> or <paramref name="complete"/> events, exactly what the
    /// succeeded imports' records say they stored, with every event in one session and no write left half-done.
    /// </summary>
    public static async Task AssertAsync(TempDatabase db, long before, long complete)
    {
        var events = await db.EventCountAsync();
        Assert.True(events == before || events == complete, $"{events} events stored: neither the {before} before nor the {complete} of a complete import");
        Assert.Equal(events, await db.CountAsync($"SELECT COALESCE(SUM(RowsStored), 0) FROM Imports WHERE Status = {(int)ImportStatus.Succeeded}"));
        Assert.Equal(events == complete ? 2 : 1, await db.CountAsync($"SELECT COUNT(*) FROM Imports WHERE Status = {(int)ImportStatus.Succeeded}"));

        using var connection = new DuckDBConnection("Data Source=" + db.Database.EventsPath);
        connection.Open();
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM pending_writes"));
        Assert.Equal(events, Scalar(connection, "SELECT coalesce(sum(event_count), 0)::BIGINT FROM sessions"));
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
