using FunnelInsight.Core.Import.Events;
using FunnelInsight.Core.Import.Orders;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Preview;

/// <summary>
/// Reads a previewed row through the importer's own <see cref="EventRowParser"/> or <see cref="OrderRowReader"/>, so
/// the preview shows what the import will store.
/// </summary>
internal static class PreviewReadings
{
    private const int MaxText = 200;

    public static PreviewReading Event(ExportReader reader, EventColumnMap map, EventRowParser parser)
    {
        if (reader.Broken is { } broken)
        {
            return PreviewReading.Rejected(broken.Line, broken.Cause);
        }

        var batch = new EventBatch(1, 0);
        if (!parser.TryParse(reader, batch, out var error))
        {
            return PreviewReading.Rejected(reader.LineNumber, error!.Cause);
        }

        var row = batch[0];
        (EventField Field, TextRange? Text, double? Number)[] fields =
        [
            (EventField.SessionId, row.SessionKey, null), (EventField.VisitorId, row.VisitorKey, null), (EventField.EventName, row.EventName, null),
            (EventField.ProductId, row.ProductId, null), (EventField.Price, null, row.Price), (EventField.Quantity, null, row.Quantity),
            (EventField.OrderId, row.OrderId, null), (EventField.Device, row.Device, null), (EventField.Channel, row.Channel, null),
            (EventField.Country, row.Country, null), (EventField.PageLoadMs, null, row.PageLoadMs),
        ];
        var values = fields.Where(f => map[f.Field] >= 0)
            .Select(f => new PreviewValue(f.Field.Name(), f.Text is { } range ? Text(batch.Text(range), range.IsNull) : null, f.Number))
            .ToArray();
        return new PreviewReading(row.Line, UtcTime.FromMicros(row.TimeUs), values, null) { Warnings = Said(parser.Warnings), FieldWarnings = [.. parser.Warnings] };
    }

    public static PreviewReading Order(ExportReader reader, OrderColumnMap map, OrderRowReader rows)
    {
        if (reader.Broken is { } broken)
        {
            return PreviewReading.Rejected(broken.Line, broken.Cause);
        }

        if (!rows.TryReadKey(reader, out var orderId, out var error))
        {
            return PreviewReading.Rejected(reader.LineNumber, error!.Cause);
        }

        // Each line read alone: the values its order takes from it.
        var draft = new OrderDraft(orderId, reader.LineNumber);
        if (!rows.TryApply(reader, draft, out error))
        {
            return PreviewReading.Rejected(reader.LineNumber, error!.Cause);
        }

        (OrderField Field, string? Text, double? Number)[] fields =
        [
            (OrderField.OrderId, orderId, null), (OrderField.Subtotal, null, draft.Subtotal), (OrderField.Shipping, null, draft.Shipping),
            (OrderField.Tax, null, draft.Tax), (OrderField.Discount, null, draft.Discount), (OrderField.Total, null, draft.Total),
            (OrderField.Refunded, null, draft.Refunded), (OrderField.Outstanding, null, draft.Outstanding),
            (OrderField.Currency, draft.Currency, null), (OrderField.Status, draft.Status, null), (OrderField.Channel, draft.Channel, null),
        ];
        var values = fields.Where(f => map[f.Field] >= 0)
            .Select(f => new PreviewValue(f.Field.Name(), f.Text is null ? null : ExportText.Cut(f.Text, MaxText), f.Number))
            .ToArray();
        return new PreviewReading(reader.LineNumber, draft.CreatedUs is { } us ? UtcTime.FromMicros(us) : null, values, null) { Warnings = Said(rows.Warnings), FieldWarnings = [.. rows.Warnings] };
    }

    private static string[] Said(IReadOnlyList<RowError> warnings) =>
        [.. warnings.Select(w => w.Column is { } column ? $"{ExportText.Cut(column, 40)}: {w.Reason}" : w.Reason)];

    private static string? Text(ReadOnlySpan<byte> utf8, bool isNull) => isNull ? null : ExportText.Cut(Encoding.UTF8.GetString(utf8), MaxText);
}
