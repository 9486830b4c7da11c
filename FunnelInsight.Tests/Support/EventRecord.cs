namespace FunnelInsight.Tests.Support;

/// <summary>A stored event as tests compare it.</summary>
internal sealed record EventRecord(
    long TimeUs, string? Session, string Visitor, string Name, string? Product, double? Price, int? Quantity,
    string? Order, string? Device, string? Channel, string? Country, int? PageLoadMs)
{
    /// <summary>Every stored event of every store, in import and line order.</summary>
    public static async Task<IReadOnlyList<EventRecord>> AllAsync(TempDatabase db) =>
        (await StoredAsync(db.Database)).OrderBy(e => e.ImportId).ThenBy(e => e.Line).Select(e => e.Event).ToList();

    /// <summary>Every stored event of every store with its id, import and line, as the event store gives them back, by store and id.</summary>
    public static async Task<IReadOnlyList<(long Id, int ImportId, long Line, EventRecord Event)>> StoredAsync(FunnelDatabase database)
    {
        var events = new List<(long, int, long, EventRecord)>();
        foreach (var storeId in await StoreIdsAsync(database))
        {
            foreach (var e in await EventsFile.WhenFreeAsync(() => database.Events.ReadEventsAsync(storeId, CancellationToken.None)))
            {
                events.Add((e.Id, e.ImportId, e.Line, new EventRecord(e.TimeUs, e.Session, e.Visitor, e.Name, e.Product, e.Price, e.Quantity,
                    e.Order, e.Device, e.Channel, e.Country, e.PageLoadMs)));
            }
        }

        return events;
    }

    /// <summary>The ids of every store, in id order.</summary>
    public static async Task<IReadOnlyList<int>> StoreIdsAsync(FunnelDatabase database) =>
        await TempDatabase.QueryAsync(database, "SELECT Id FROM Stores ORDER BY Id", r => r.GetInt32(0));
}
