namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// What one reader (or one write's own reads) may see of a store: the rows of the writes committed when the view was
/// taken (and, for a write, its own). The same view read twice gives the same rows, whatever commits in between.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="Writes">The writes whose rows are visible.</param>
/// <param name="Unsettled">A write of the store was under way (or left by a kill) when the view was taken.</param>
internal sealed record ClickHouseView(int StoreId, IReadOnlyList<long> Writes, bool Unsettled)
{
    /// <summary>States of a write in the <c>writes</c> table; the highest recorded is its state.</summary>
    public const int Pending = 0, Committed = 1, Abandoned = 2;

    /// <summary>The store's view now.</summary>
    public static ClickHouseView Take(ClickHouseConnection connection, int storeId)
    {
        var writes = new List<long>();
        var unsettled = false;
        connection.Query($"SELECT write_id, max(state) FROM writes WHERE store_id = {storeId} GROUP BY write_id", row =>
        {
            var state = row.Int64(1);
            if (state == Committed)
            {
                writes.Add(row.Int64(0));
            }

            unsettled |= state == Pending;
        });
        return new ClickHouseView(storeId, writes, unsettled);
    }

    /// <summary>This view with <paramref name="writeId"/>'s rows visible too.</summary>
    public ClickHouseView With(long writeId) => this with { Writes = [.. Writes, writeId] };

    /// <summary>The condition on an events table (or alias <paramref name="alias"/>) for this view's events.</summary>
    public string Events(string alias = "") => $"{alias}store_id = {StoreId} AND {alias}write_id IN ({ClickHouseConnection.List(Writes)})";

    /// <summary>The condition on the sessions table for this view's sessions (not replaced by a visible write).</summary>
    public string Sessions(string alias = "") =>
        $"{alias}store_id = {StoreId} AND {alias}write_id IN ({ClickHouseConnection.List(Writes)}) AND {alias}id NOT IN "
        + $"(SELECT session_id FROM session_drops WHERE store_id = {StoreId} AND write_id IN ({ClickHouseConnection.List(Writes)}))";
}
