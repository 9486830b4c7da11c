using Microsoft.Data.Sqlite;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Orders;

/// <summary>
/// Streams an order export into the store. Lines are gathered into orders by order id (memory grows with
/// the number of orders, not of lines), then each order new to the store is written; an order the store
/// already has is skipped and its lines counted as duplicates.
/// </summary>
internal static class OrderFileImporter
{
    public static ImportCounts Run(ExportReader reader, ImportContext context, string? formatName, string? mappingText)
    {
        var header = reader.ReadHeader();
        var format = ChooseFormat(header, formatName, mappingText);
        var map = OrderColumnMap.Resolve(format, header, OrderColumnMap.ParseOverrides(mappingText));
        var rowReader = new OrderRowReader(map);
        var drafts = new Dictionary<string, OrderDraft>(StringComparer.Ordinal);
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
                context.Errors.Add(error!);
                continue;
            }

            if (!drafts.TryGetValue(orderId, out var draft))
            {
                draft = new OrderDraft(orderId, reader.LineNumber);
                drafts.Add(orderId, draft);
            }

            if (!rowReader.TryApply(reader, draft, out error))
            {
                context.Errors.Add(error!);
                if (draft.LineCount == 0)
                {
                    drafts.Remove(orderId);
                }
            }

            if (rows % 8192 == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                context.ReportRows(rows);
            }
        }

        context.ReportRows(rows);
        var (storedLines, duplicateLines) = Write(context, drafts.Values.OrderBy(d => d.FirstLine));
        return new ImportCounts(format.Name, map.ToText(), rows, storedLines, duplicateLines, reader.BlankRows, reader.Encoding.Name);
    }

    private static (long Stored, long Duplicate) Write(ImportContext context, IEnumerable<OrderDraft> drafts)
    {
        using var insert = context.Connection.CreateCommand();
        insert.Transaction = context.Transaction;
        insert.CommandText = """
            INSERT INTO Orders (StoreId, ImportId, OrderId, CustomerKey, CreatedUs, Subtotal, Shipping, Tax, Discount, Total,
                Currency, Status, IsCancelled, Channel, LineCount)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14)
            ON CONFLICT (StoreId, OrderId) DO NOTHING
            """;
        for (var i = 0; i < 15; i++)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
        }

        insert.Prepare();
        long stored = 0, duplicate = 0;
        foreach (var d in drafts)
        {
            var subtotal = d.Subtotal ?? d.LineSum;
            var total = d.Total ?? (subtotal + (d.Shipping ?? 0) + (d.Tax ?? 0) - (d.Discount ?? 0));
            object?[] values =
            [
                context.StoreId, context.ImportId, d.OrderId, d.CustomerKey, d.CreatedUs, subtotal, d.Shipping ?? 0,
                d.Tax ?? 0, d.Discount ?? 0, total, d.Currency, d.Status, d.IsCancelled, d.Channel, d.LineCount,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            if (insert.ExecuteNonQuery() == 1)
            {
                stored += d.LineCount;
            }
            else
            {
                duplicate += d.LineCount;
            }
        }

        return (stored, duplicate);
    }

    private static OrderFormat ChooseFormat(IReadOnlyList<string> header, string? formatName, string? mappingText)
    {
        if (!string.IsNullOrWhiteSpace(formatName))
        {
            return OrderFormats.Find(formatName)
                ?? throw new ImportFileException($"Unknown order format '{ExportText.Cut(formatName)}'. Formats: {string.Join(", ", OrderFormats.All.Select(f => f.Name))}.");
        }

        return OrderFormats.Detect(header)
            ?? (string.IsNullOrWhiteSpace(mappingText)
                ? throw new ImportFileException($"The columns ({ExportText.Columns(header)}) match no known order export (Shopify, WooCommerce, UCI Online Retail, canonical). Give a column mapping, for example --map \"order_id=Id,created_at=Date,total=Amount\".")
                : OrderFormats.Custom);
    }
}
