using FunnelInsight.Core.Analytics;
using FunnelInsight.Core.Analytics.Rollups;
using FunnelInsight.Core.Analytics.Sessions;
using FunnelInsight.Core.Import;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Core.Events;

/// <summary>
/// Where a store's events and their session rollups live. Every import, report, settings change, deletion and upgrade
/// goes through this interface, so that an engine can be swapped for another without touching its callers. Writes
/// take the <see cref="StoreWrite"/> of the application database's transaction they belong to, and are committed with it.
/// </summary>
internal interface IEventStore
{
    /// <summary>
    /// Starts storing one import's events into <paramref name="write"/>'s store: the caller adds parsed batches, then
    /// completes the append, which drops what the store already holds and rolls up the sessions it touched.
    /// </summary>
    /// <param name="write">The import's transaction (its record and row errors commit with the events).</param>
    /// <param name="importId">The import whose events these are.</param>
    /// <param name="rules">How the store turns events into sessions.</param>
    /// <param name="cancellationToken">Stops what the append reads of the store before the first batch.</param>
    IEventAppend BeginAppend(StoreWrite write, int importId, SessionRules rules, CancellationToken cancellationToken);

    /// <summary>Replaces every session rollup of <paramref name="write"/>'s store, built anew from its events by <paramref name="rules"/>; returns how many sessions it wrote.</summary>
    long RebuildSessions(StoreWrite write, SessionRules rules, CancellationToken cancellationToken);

    /// <summary>Deletes every event and session rollup of <paramref name="write"/>'s store.</summary>
    void DeleteStore(StoreWrite write);

    /// <summary>
    /// Deletes the events import <paramref name="importId"/> stored that no other import of the store also delivered, and
    /// rebuilds the store's sessions from the events left by <paramref name="rules"/>; returns how many events went.
    /// </summary>
    long DeleteImport(StoreWrite write, int importId, SessionRules rules, CancellationToken cancellationToken);

    /// <summary>How many events and sessions each store holds; a store with none may be missing.</summary>
    Task<IReadOnlyDictionary<int, StoredCounts>> CountAsync(CancellationToken cancellationToken);

    /// <summary>Every session rollup of the store, as memory columns sorted by start (ties by session id).</summary>
    Task<SessionTable> LoadSessionsAsync(int storeId, CancellationToken cancellationToken);

    /// <summary>
    /// The store's sessions as <see cref="LoadSessionsAsync"/> would give them now, from <paramref name="held"/> (an
    /// earlier load of the same store) and what was written or deleted since; a whole load where the engine cannot tell.
    /// </summary>
    Task<SessionTable> RefreshSessionsAsync(int storeId, SessionTable held, CancellationToken cancellationToken);

    /// <summary>The visitor and stage path of every session in <paramref name="table"/>, for visitor-scope funnels.</summary>
    Task<VisitorPaths> LoadVisitorsAsync(int storeId, SessionTable table, CancellationToken cancellationToken);

    /// <summary>The keys and times of a few sessions by id (of one store), which the memory columns leave out.</summary>
    Task<IReadOnlyDictionary<long, SessionKeys>> SessionDetailsAsync(int storeId, IReadOnlyList<long> sessionIds, CancellationToken cancellationToken);

    /// <summary>
    /// The session of store <paramref name="storeId"/> whose key is <paramref name="sessionKey"/> (exactly, as the export
    /// gave it or as the rollup made it for events without one), with its events in order; null when there is none. Two
    /// sessions with one key (an export's session id that spells another's made key) give the one that started first.
    /// </summary>
    Task<SessionEvents?> SessionEventsAsync(int storeId, string sessionKey, CancellationToken cancellationToken);

    /// <summary>A page of the sessions that reached one stage and not the next, with the total the query selects.</summary>
    Task<LostSessionPage> LostSessionsAsync(LostSessionQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// A user-defined funnel counted over the store's raw events by the engine: units by what they reached, per
    /// breakdown value and slot (only units that reached a step).
    /// </summary>
    Task<IReadOnlyList<EventFunnelRow>> FunnelOverEventsAsync(EventFunnelQuery query, CancellationToken cancellationToken);

    /// <summary>The distinct event names of the store's stored events with how many carry each, most first (ties by name).</summary>
    Task<IReadOnlyList<EventNameCount>> EventNamesAsync(int storeId, CancellationToken cancellationToken);

    /// <summary>Every stored event of the store, in id order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(int storeId, CancellationToken cancellationToken);

    /// <summary>Every session rollup of the store with its id, in id order.</summary>
    Task<IReadOnlyList<(long Id, SessionSummary Session)>> ReadSessionsAsync(int storeId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the events of a database of the previous layout (event blocks inside the application database) into the
    /// engine, with their ids, and rolls their sessions up, saying so to <paramref name="logger"/>; runs before the
    /// migration that drops those tables, and again after a start that was killed before it. Returns the stores moved.
    /// </summary>
    Task<IReadOnlyList<int>> MovePreviousLayoutAsync(ILogger? logger, CancellationToken cancellationToken);

    /// <summary>
    /// Settles what an import that died with its instance left in the engine, for the instance taking its job over:
    /// its write becomes visible when the application database holds the import as succeeded
    /// (<paramref name="succeeded"/>), and is abandoned otherwise. Engines whose writes die with their process (DuckDB,
    /// one process per file, settled at its next start) have nothing to do.
    /// </summary>
    void SettleImport(int importId, bool succeeded);

    /// <summary>
    /// Does what the engine leaves to a start, after the application database's migrations have run (finishing what a
    /// kill interrupted), saying so to <paramref name="logger"/>; returns the stores whose session rollups it built.
    /// </summary>
    Task<IReadOnlyList<int>> UpgradeAsync(ILogger? logger, CancellationToken cancellationToken);
}
