using FunnelInsight.Core.Storage.Providers;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Orders;

/// <summary>
/// Streams an order export into the store. Lines are gathered into orders by order id (memory grows with
/// the number of orders, not of lines), then each order is written: an order new to the store is stored; one the
/// store already has is replaced by this export's values when they differ (the newest export wins: a later export
/// carries the order's refunds and status since) and counted as updated, else its lines count as duplicates.
/// An order is stored with all its lines or not at all: when one of its lines is rejected, every other line of it is
/// rejected too, each with a reason naming the order and that line, so that no order is stored with a partial total.
/// </summary>
internal static class OrderFileImporter
{
    /// <summary>The columns holding numbers, whose values decide the decimal mark (the preview decides it from the same).</summary>
    internal static readonly OrderField[] NumberColumns =
    [
        OrderField.Subtotal, OrderField.Shipping, OrderField.Tax, OrderField.Discount, OrderField.Total, OrderField.Refunded,
        OrderField.Outstanding, OrderField.LineQuantity, OrderField.LineUnitPrice,
    ];

    private static readonly FormatChoice<OrderFormat> Formats = new(
        OrderFormats.All, format => format.Name, OrderFormats.Detect, OrderFormats.Custom,
        Reasons.ImportReasonCode.UnknownOrderFormat, Reasons.ImportReasonCode.UnknownOrderLayout);

    public static ImportCounts Run(ExportReader reader, ImportContext context, (DateOrder? Order, DecimalMark? Mark) choices, string? formatName, string? mappingText)
    {
        var header = reader.ReadHeader();
        var format = Formats.Choose(header, formatName, mappingText);
        var map = OrderColumnMap.Resolve(format, header, OrderColumnMap.ParseOverrides(mappingText));
        var conventions = FileConventions.Decide(reader, [map[OrderField.CreatedAt]], NumberColumns.Select(field => map[field]).ToList(), choices.Order, choices.Mark);
        var rowReader = new OrderRowReader(map, conventions);
        var drafts = new Dictionary<string, OrderDraft>(StringComparer.Ordinal);
        var rejected = new Dictionary<string, long>(StringComparer.Ordinal); // order id → the first of its lines rejected
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            if (reader.Broken is { } broken)
            {
                context.Errors.Add(broken);
                continue;
            }

            if (!rowReader.TryReadKey(reader, out var orderId, out var error))
            {
                // A row of the wrong width may still name its order, which is then not stored whole.
                context.Errors.Add(error!);
                if (orderId.Length > 0)
                {
                    rejected.TryAdd(orderId, reader.LineNumber);
                }

                continue;
            }

            if (!drafts.TryGetValue(orderId, out var draft))
            {
                draft = new OrderDraft(orderId, reader.LineNumber);
                drafts.Add(orderId, draft);
            }

            // The draft of a rejected order is still filled in, so that each later line is judged as it would be in a whole order.
            if (!rowReader.TryApply(reader, draft, out error))
            {
                context.Errors.Add(error!);
                rejected.TryAdd(orderId, reader.LineNumber);
            }
            else if (rejected.TryGetValue(orderId, out var rejectedLine))
            {
                context.Errors.Add(rowReader.LeftOut(reader, orderId, rejectedLine));
            }
            else
            {
                foreach (var warning in rowReader.Warnings)
                {
                    context.Errors.Add(warning);
                }
            }

            if (rows % 8192 == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                context.ReportRows(rows);
            }
        }

        context.ReportRows(rows);
        if (rejected.Count > 0)
        {
            LeaveOutEarlierLines(reader, rowReader, context, rejected);
        }

        var ordered = drafts.Values.Where(d => !rejected.ContainsKey(d.OrderId)).OrderBy(d => d.FirstLine).ToList();
        var (storedLines, updatedLines, duplicateLines) = Write(context, ordered);
        OrderTimeOffsets.RememberFirst(context, ordered);
        return new ImportCounts(format.Name, map.ToText(), rows, storedLines, duplicateLines, reader.BlankRows, reader.Encoding.Name, conventions) { RowsUpdated = updatedLines };
    }

    // The lines of a rejected order read before its rejected line were kept when read: the file is read again (only
    // when some order was rejected, so memory stays with the orders) to reject them too, their warnings withdrawn.
    private static void LeaveOutEarlierLines(ExportReader reader, OrderRowReader rowReader, ImportContext context, Dictionary<string, long> rejected)
    {
        reader.Rewind();
        var leftOut = new HashSet<long>();
        long rows = 0;
        while (reader.Read())
        {
            if (++rows % 8192 == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            if (reader.Broken is null && rowReader.TryReadKey(reader, out var orderId, out _)
                && rejected.TryGetValue(orderId, out var rejectedLine) && reader.LineNumber < rejectedLine)
            {
                context.Errors.Add(rowReader.LeftOut(reader, orderId, rejectedLine));
                leftOut.Add(reader.LineNumber);
            }
        }

        context.Errors.WithdrawWarnings(leftOut);
    }

    private static (long Stored, long Updated, long Duplicate) Write(ImportContext context, IEnumerable<OrderDraft> drafts)
    {
        string[] columns =
        [
            "CustomerKey", "CreatedUs", "Subtotal", "Shipping", "Tax", "Discount", "Total", "Refunded", "Outstanding",
            "Currency", "Status", "IsCancelled", "Channel", "LineCount",
        ];
        using var upsert = context.Connection.CreateCommand();
        upsert.Transaction = context.Transaction;

        // RETURNING gives the row's ImportId after an insert or an update, and no row when nothing changed;
        // an update keeps the ImportId of the import that first stored the order.
        upsert.CommandText = $"""
            INSERT INTO Orders (StoreId, ImportId, OrderId, {string.Join(", ", columns)})
            VALUES ({string.Join(", ", Enumerable.Range(0, columns.Length + 3).Select(i => $"@p{i}"))})
            ON CONFLICT (StoreId, OrderId) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}
            WHERE {string.Join(" OR ", columns.Select(c => $"Orders.{c} IS DISTINCT FROM excluded.{c}"))}
            RETURNING ImportId
            """;
        for (var i = 0; i < columns.Length + 3; i++)
        {
            upsert.AddParameter($"p{i}", null);
        }
        long stored = 0, updated = 0, duplicate = 0;
        foreach (var d in drafts)
        {
            var subtotal = d.Subtotal ?? d.LineSum;
            var total = d.Total ?? (subtotal + (d.Shipping ?? 0) + (d.Tax ?? 0) - (d.Discount ?? 0));
            var (refunded, outstanding) = Settlement(d, total);
            object?[] values =
            [
                context.StoreId, context.ImportId, d.OrderId, d.CustomerKey, d.CreatedUs, subtotal, d.Shipping ?? 0,
                d.Tax ?? 0, d.Discount ?? 0, total, refunded, outstanding, d.Currency, d.Status, d.IsCancelled, d.Channel, d.LineCount,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                upsert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            switch (upsert.ExecuteScalar())
            {
                case null or DBNull:
                    duplicate += d.LineCount;
                    break;
                case var importId when Convert.ToInt32(importId, System.Globalization.CultureInfo.InvariantCulture) == context.ImportId:
                    stored += d.LineCount;
                    break;
                default:
                    updated += d.LineCount;
                    break;
            }
        }

        return (stored, updated, duplicate);
    }

    // Where the export gives no amounts, the status says them: a refunded order's whole total was refunded, and
    // nothing of a pending or authorized one (cash on delivery) has been paid. A refund is at most the total; a negative
    // outstanding balance (paid over the total) owes nothing, and so does an order whose status says it was paid in
    // full, whatever cent of rounding Shopify leaves in its Outstanding Balance (0.01 on a paid order).
    private static (double Refunded, double Outstanding) Settlement(OrderDraft draft, double total)
    {
        var refunded = draft.Refunded ?? (OrderStanding.IsRefunded(draft.Status) ? total : 0);
        var outstanding = OrderStanding.IsSettled(draft.Status) ? 0
            : draft.Outstanding ?? (OrderStanding.IsUnpaid(draft.Status) ? total : 0);
        return (total > 0 ? Math.Min(refunded, total) : 0, Math.Max(outstanding, 0));
    }
}
