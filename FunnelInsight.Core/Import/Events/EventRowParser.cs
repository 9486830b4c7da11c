using System.Globalization;
using System.Text;
using CsvHelper;

namespace FunnelInsight.Core.Import.Events;

/// <summary>Turns the current record of a reader into an <see cref="EventRow"/>, or says why it cannot.</summary>
internal sealed class EventRowParser(EventColumnMap map)
{
    private readonly int _fieldCount = map.Header.Count;

    public bool TryParse(CsvReader reader, out EventRow row, out RowError? error)
    {
        row = default;
        error = null;
        var line = reader.LineNumber;
        if (reader.FieldCount != _fieldCount)
        {
            error = Error(reader, null, $"Expected {_fieldCount} columns, found {reader.FieldCount}.");
            return false;
        }

        var timeColumn = map[EventField.Time];
        var timeSpan = reader.GetSpan(timeColumn);
        if (timeSpan.Trim((byte)' ').IsEmpty)
        {
            error = Missing(reader, EventField.Time);
            return false;
        }

        if (!TimestampParser.TryParse(timeSpan, map.Format.TimeStyle, out var timeUs))
        {
            error = Error(reader, EventField.Time, $"Unparseable time '{Encoding.UTF8.GetString(timeSpan)}'.");
            return false;
        }

        var eventName = Text(reader, EventField.EventName);
        if (eventName is null)
        {
            error = Missing(reader, EventField.EventName);
            return false;
        }

        var session = Text(reader, EventField.SessionId);
        var visitor = Text(reader, EventField.VisitorId);
        if (session is null && map.Format.Required.Contains(EventField.SessionId))
        {
            error = Missing(reader, EventField.SessionId);
            return false;
        }

        if (visitor is null && session is null)
        {
            error = Missing(reader, map[EventField.VisitorId] >= 0 ? EventField.VisitorId : EventField.SessionId);
            return false;
        }

        if (session is not null && map.Format.SessionPerVisitor && visitor is not null)
        {
            session = string.Concat(visitor, ":", session);
        }

        if (!TryNumber(reader, EventField.Price, out var price, out error)
            || !TryWhole(reader, EventField.Quantity, out var quantity, out error)
            || !TryWhole(reader, EventField.PageLoadMs, out var pageLoad, out error))
        {
            return false;
        }

        row = new EventRow(
            timeUs, line, session, visitor ?? session!, eventName,
            Text(reader, EventField.ProductId), price, quantity, Text(reader, EventField.OrderId),
            Text(reader, EventField.Device), Text(reader, EventField.Channel), Text(reader, EventField.Country), pageLoad);
        return true;
    }

    private string? Text(CsvReader reader, EventField field)
    {
        var column = map[field];
        if (column < 0 || reader.GetSpan(column).Trim((byte)' ').IsEmpty)
        {
            return null;
        }

        var value = reader.GetString(column);
        return value.Length > 0 && (value[0] == ' ' || value[^1] == ' ') ? value.Trim() : value;
    }

    private bool TryNumber(CsvReader reader, EventField field, out double? value, out RowError? error)
    {
        value = null;
        error = null;
        var column = map[field];
        if (column < 0)
        {
            return true;
        }

        var span = reader.GetSpan(column).Trim((byte)' ');
        if (span.IsEmpty)
        {
            return true;
        }

        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            error = Error(reader, field, $"{field.Name()} '{Encoding.UTF8.GetString(span)}' is not a number.");
            return false;
        }

        if (number < 0)
        {
            error = Error(reader, field, $"{field.Name()} {Encoding.UTF8.GetString(span)} is negative.");
            return false;
        }

        value = number;
        return true;
    }

    private bool TryWhole(CsvReader reader, EventField field, out int? value, out RowError? error)
    {
        value = null;
        if (!TryNumber(reader, field, out var number, out error) || number is null)
        {
            return error is null;
        }

        if (number != Math.Floor(number.Value) || number > int.MaxValue)
        {
            error = Error(reader, field, $"{field.Name()} {number} is not a whole number.");
            return false;
        }

        value = (int)number.Value;
        return true;
    }

    private RowError Missing(CsvReader reader, EventField field) =>
        Error(reader, field, $"Missing required field {field.Name()}.");

    private RowError Error(CsvReader reader, EventField? field, string reason) =>
        new(reader.LineNumber, field is { } f ? (map[f] >= 0 ? map.Header[map[f]] : f.Name()) : null, reason, CsvSource.RawLine(reader));
}
