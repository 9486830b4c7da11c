using FunnelInsight.Core.Import.Orders;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Preview;

/// <summary>The preview of an order export: its format, proposed columns, conventions and first lines as they will be read.</summary>
internal static class OrderPreview
{
    public static ImportPreview Read(ExportReader reader, string[] header, int maxRows, ReadingChoices choices, string? mapping)
    {
        var format = OrderFormats.Detect(header);
        var proposed = ImportPreviewer.Proposals<OrderField>(header,
            field => ImportPreviewer.Column(header, format is null ? [field.Name()] : format.Columns.GetValueOrDefault(field)),
            () => OrderColumnMap.ParseOverrides(mapping));
        var columns = proposed.Select(p => new ColumnProposal(p.Key.Name(), p.Value, p.Key is OrderField.OrderId or OrderField.CreatedAt)).ToArray();
        var map = Map(format ?? OrderFormats.Custom, header, proposed);
        int At(OrderField field) => map?[field] ?? ImportPreviewer.IndexOf(header, proposed[field]);
        var conventions = FileConventions.Decide(reader, [At(OrderField.CreatedAt)],
            OrderFileImporter.NumberColumns.Select(At).ToList(), choices.DateOrder, choices.DecimalMark);

        var lineReader = map is null ? null : new OrderRowReader(map, conventions);
        return ImportPreviewer.Rows(reader, maxRows, format?.Name, format?.Title, header, columns, conventions,
            lineReader is null ? null : () => PreviewReadings.Order(reader, map!, lineReader));
    }

    // The importer's map of these columns; null while the order id, time or amount has none (the page asks for it).
    private static OrderColumnMap? Map(OrderFormat format, IReadOnlyList<string> header, Dictionary<OrderField, string?> proposed) =>
        ImportPreviewer.MapOrNull(() => OrderColumnMap.Resolve(format, header, proposed.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!)));
}
