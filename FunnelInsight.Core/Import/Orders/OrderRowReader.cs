using System.Security.Cryptography;
using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Core.Import.Orders;

/// <summary>
/// Reads one row of an order export into its order draft, or says why it cannot. The order id, its time and the amount
/// its value is taken from (the total; else the subtotal; else, for exports of lines, unit price and quantity) are
/// required: one that cannot be read rejects the row. Any other amount that cannot be read (shipping, tax, a refund)
/// is a warning, and the row is kept without it.
/// </summary>
internal sealed class OrderRowReader(OrderColumnMap map, FileConventions conventions)
{
    private static readonly OrderField[] MoneyFields =
        [OrderField.Subtotal, OrderField.Shipping, OrderField.Tax, OrderField.Discount, OrderField.Total, OrderField.Refunded, OrderField.Outstanding];

    private readonly int _fieldCount = map.Header.Count;
    private readonly long _endUs = StoredTimeRange.EndUs;
    private readonly RowProblems _problems = new(map.Header);
    private readonly HashSet<OrderField> _required = RequiredAmounts(map);

    /// <summary>The warnings of the row last applied, when it was kept.</summary>
    public IReadOnlyList<RowError> Warnings => _problems.Warnings;

    /// <summary>The order id of the current row, or an error when the row cannot belong to any order.</summary>
    public bool TryReadKey(ExportReader reader, out string orderId, out RowError? error)
    {
        _problems.NextRow();
        orderId = Text(reader, OrderField.OrderId) ?? "";
        error = reader.FieldCount != _fieldCount
            ? Error(reader, null, ImportReason.Of(ImportReasonCode.ColumnCount, Count(_fieldCount), Count(reader.FieldCount)))
            : orderId.Length == 0 ? Error(reader, OrderField.OrderId, ImportReason.Of(ImportReasonCode.MissingField, OrderField.OrderId.Name())) : null;
        return error is null;
    }

    /// <summary>Adds the current row to <paramref name="draft"/>: order values fill in where still empty, line amounts add up.</summary>
    public bool TryApply(ExportReader reader, OrderDraft draft, out RowError? error)
    {
        error = null;
        long? created = null;
        if (Text(reader, OrderField.CreatedAt) is { } createdText)
        {
            if (!FieldValue.TryTime(Encoding.UTF8.GetBytes(createdText), TimeStyle.Auto, conventions.DateOrder, _endUs, out var us, out var problem))
            {
                error = Error(reader, OrderField.CreatedAt, problem!);
                return false;
            }

            created = us;
            draft.TimeOffset ??= TimeOffsetText.Read(createdText);
        }
        else if (draft.CreatedUs is null)
        {
            error = Error(reader, OrderField.CreatedAt, ImportReason.Of(ImportReasonCode.MissingField, OrderField.CreatedAt.Name()));
            return false;
        }

        // A negative outstanding balance is what Shopify writes for an order paid a cent or more over its total: it
        // owes nothing (the settlement counts it as 0), so it is read, not warned of; every other amount is never below 0.
        var money = new double?[MoneyFields.Length];
        for (var i = 0; i < MoneyFields.Length; i++)
        {
            if (!TryNumber(reader, MoneyFields[i], allowNegative: MoneyFields[i] == OrderField.Outstanding, out money[i], out error))
            {
                return false;
            }
        }

        double lineAmount = 0;
        if (map.Format.SumsLines || map[OrderField.LineUnitPrice] >= 0)
        {
            if (!TryNumber(reader, OrderField.LineUnitPrice, allowNegative: false, out var unitPrice, out error)
                || !TryNumber(reader, OrderField.LineQuantity, allowNegative: true, out var quantity, out error))
            {
                return false;
            }

            lineAmount = (unitPrice ?? 0) * (quantity ?? 1);
        }

        draft.CreatedUs ??= created;
        draft.Subtotal ??= money[0];
        draft.Shipping ??= money[1];
        draft.Tax ??= money[2];
        draft.Discount ??= money[3];
        draft.Total ??= money[4];
        draft.Refunded ??= money[5];
        draft.Outstanding ??= money[6];
        draft.LineSum += lineAmount;
        draft.CustomerKey ??= CustomerKey(reader);
        draft.Currency ??= Text(reader, OrderField.Currency);
        draft.Status ??= Text(reader, OrderField.Status);
        draft.Channel ??= Text(reader, OrderField.Channel);
        draft.IsCancelled |= Text(reader, OrderField.CancelledAt) is not null
            || OrderStanding.IsVoid(draft.Status)
            || (map.Format.CancelledIdPrefix is { } prefix && draft.OrderId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        draft.LineCount++;
        return true;
    }

    /// <summary>The row error of a line kept by itself whose order is rejected because its line <paramref name="rejectedLine"/> was.</summary>
    public RowError LeftOut(ExportReader reader, string orderId, long rejectedLine) =>
        Error(reader, null, ImportReason.Of(ImportReasonCode.OrderLineRejected, ExportText.Cut(orderId), rejectedLine.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The customer id as given (0 counts as none), else the SHA-256 of the lower-cased e-mail.</summary>
    private string? CustomerKey(ExportReader reader)
    {
        var id = Text(reader, OrderField.CustomerId);
        if (id is not null && id != "0")
        {
            return id;
        }

        var email = Text(reader, OrderField.Email);
        return email is null ? null
            : "email:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));
    }

    private string? Text(ExportReader reader, OrderField field)
    {
        var column = map[field];
        if (column < 0 || column >= reader.FieldCount)
        {
            return null;
        }

        var value = reader.GetString(column).Trim();
        return value.Length == 0 ? null : value;
    }

    // A required amount that cannot be read rejects the row; any other is a warning, and the row is kept without it.
    private bool TryNumber(ExportReader reader, OrderField field, bool allowNegative, out double? value, out RowError? error)
    {
        value = null;
        error = null;
        var column = map[field];
        if (column < 0 || column >= reader.FieldCount
            || FieldValue.TryNumber(reader.GetSpan(column), conventions.DecimalMark, field.Name(), allowNegative, out value, out var problem))
        {
            return true;
        }

        if (_required.Contains(field))
        {
            error = Error(reader, field, problem!);
            return false;
        }

        _problems.Warn(reader, column, field.Name(), problem!);
        return true;
    }

    // The amount an order's value is taken from: its total, else its subtotal, else (exports of lines) its lines.
    private static HashSet<OrderField> RequiredAmounts(OrderColumnMap map) =>
        map[OrderField.Total] >= 0 ? [OrderField.Total]
        : map[OrderField.Subtotal] >= 0 ? [OrderField.Subtotal]
        : [OrderField.LineUnitPrice, OrderField.LineQuantity];

    private RowError Error(ExportReader reader, OrderField? field, ImportReason reason) =>
        _problems.Reject(reader, field is { } f ? map[f] : -1, field?.Name(), reason);

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
