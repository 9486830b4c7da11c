using FunnelInsight.Core.Analytics;

namespace FunnelInsight.Core.Events;

/// <summary>
/// What the engine is asked for a list of the sessions lost at a stage, every definition already resolved in C#: the
/// range as times, each filter as the stored spellings it lets through, and the stage pair as numbers.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="FromUs">Sessions starting at or after this time; null for no bound.</param>
/// <param name="ToUs">Sessions starting before this time; null for no bound.</param>
/// <param name="Filters">Per <see cref="FunnelDimension"/>, the session values (exact spellings) selected; null for no filter.</param>
/// <param name="Mode">Ordered: the session's ordered depth is <paramref name="Before"/>. Open: it has <paramref name="Before"/> and not <paramref name="At"/>.</param>
/// <param name="Before">The tracked stage the sessions reached (as a <see cref="Domain.FunnelStage"/> number).</param>
/// <param name="At">The stage they did not reach.</param>
/// <param name="Offset">Sessions to skip (newest first).</param>
/// <param name="Limit">Most sessions to return.</param>
internal sealed record LostSessionQuery(
    int StoreId, long? FromUs, long? ToUs, IReadOnlyList<IReadOnlyList<string>?> Filters, FunnelMode Mode, int Before, int At, int Offset, int Limit);

/// <summary>One lost session as the engine lists it.</summary>
/// <param name="Keys">Its keys and first and last event times.</param>
/// <param name="LastEventName">The name of its last event.</param>
/// <param name="EventCount">How many events it has.</param>
/// <param name="CartValue">Its cart value (added less removed).</param>
/// <param name="Device">Its device.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Country">Its country.</param>
internal sealed record LostSessionRow(SessionKeys Keys, string LastEventName, int EventCount, double CartValue, string? Device, string? Channel, string? Country);

/// <summary>A page of lost sessions and how many the query selects in all.</summary>
/// <param name="Total">Every lost session the query selects.</param>
/// <param name="Sessions">The page, newest first (ties: the later row id first).</param>
internal sealed record LostSessionPage(long Total, IReadOnlyList<LostSessionRow> Sessions);
