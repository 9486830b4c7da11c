namespace FunnelInsight.Core.Import.Orders;

/// <summary>Which column of a particular order file holds each order field.</summary>
public sealed class OrderColumnMap
{
    private readonly int[] _columns;

    private OrderColumnMap(OrderFormat format, IReadOnlyList<string> header, int[] columns)
    {
        Format = format;
        Header = header;
        _columns = columns;
    }

    /// <summary>The format the mapping started from.</summary>
    public OrderFormat Format { get; }

    /// <summary>The file's header.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The 0-based column of <paramref name="field"/>, or -1 when the file has none.</summary>
    public int this[OrderField field] => _columns[(int)field];

    /// <summary>Maps <paramref name="header"/> with the format's names, then applies <paramref name="overrides"/>.</summary>
    /// <exception cref="ImportFileException">A named column is missing, or there is no order id, time or amount (for an export of lines, its unit price and quantity).</exception>
    public static OrderColumnMap Resolve(OrderFormat format, IReadOnlyList<string> header, IReadOnlyDictionary<OrderField, string> overrides)
    {
        var columns = ColumnLookup.Resolve(header, format.Columns, overrides, OrderFieldNames.Name);
        var missing = new[] { OrderField.OrderId, OrderField.CreatedAt }.Where(field => columns[(int)field] < 0).Select(field => field.Name()).ToList();
        if (columns[(int)OrderField.Total] < 0 && columns[(int)OrderField.Subtotal] < 0 && columns[(int)OrderField.LineUnitPrice] < 0)
        {
            missing.Add("total (or subtotal, or unit_price)");
        }

        if (missing.Count > 0)
        {
            throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.OrderColumnsMissing, string.Join(", ", missing), format.Title));
        }

        // An order of lines is the sum of quantity × unit price: without the quantity every line would silently count one.
        if (columns[(int)OrderField.Total] < 0 && columns[(int)OrderField.Subtotal] < 0 && columns[(int)OrderField.LineQuantity] < 0)
        {
            throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.LineQuantityMissing, format.Title));
        }

        return new OrderColumnMap(format, header, columns);
    }

    /// <summary>Parses a mapping written as <c>order_id=Id,total=Amount</c>.</summary>
    /// <exception cref="ImportFileException">A pair is malformed or names an unknown field.</exception>
    public static IReadOnlyDictionary<OrderField, string> ParseOverrides(string? text)
    {
        var mapping = new Dictionary<OrderField, string>();
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0 || !OrderFieldNames.TryParse(parts[0], out var field))
            {
                throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.OrderMappingForm, pair));
            }

            mapping[field] = parts[1];
        }

        return mapping;
    }

    /// <summary>The mapping as <c>field=column</c> pairs.</summary>
    public string ToText() => ColumnLookup.ToText<OrderField>(_columns, Header, OrderFieldNames.Name);
}
