using FunnelInsight.Core.Storage.Providers;

namespace FunnelInsight.Core.Import.Orders;

/// <summary>
/// Keeps the UTC offsets of a store's first order export that carries any (Shopify writes <c>-0700</c>), each with
/// the first time seen at it, so that Settings can offer the time zones that agree with them.
/// </summary>
internal static class OrderTimeOffsets
{
    public static void RememberFirst(ImportContext context, IReadOnlyList<OrderDraft> drafts)
    {
        var seen = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            if (draft.TimeOffset is { } offset && draft.CreatedUs is { } us && (!seen.TryGetValue(offset, out var first) || us < first))
            {
                seen[offset] = us;
            }
        }

        if (seen.Count == 0)
        {
            return;
        }

        using var command = context.Connection.CreateCommand();
        command.Transaction = context.Transaction;
        command.CommandText = "UPDATE Stores SET OrderTimeOffsets = @offsets WHERE Id = @store AND OrderTimeOffsets IS NULL";
        command.AddParameter("offsets", string.Join(',', seen.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}@{pair.Value}"))));
        command.AddParameter("store", context.StoreId);
        command.ExecuteNonQuery();
    }
}
