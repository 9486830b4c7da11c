using System.Text.Unicode;
using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Core.Import.Events;

/// <summary>
/// Turns the current record of a reader into an <see cref="EventRow"/>, or says why it cannot. A required field that
/// cannot be read rejects the row; an optional number (price, quantity, page load) that cannot be read is a warning,
/// and the event is kept without it.
/// </summary>
internal sealed class EventRowParser(EventColumnMap map, FileConventions conventions)
{
    private readonly int _fieldCount = map.Header.Count;
    private readonly long _endUs = StoredTimeRange.EndUs;
    private readonly RowProblems _problems = new(map.Header);

    /// <summary>The warnings of the row last read, when it was kept.</summary>
    public IReadOnlyList<RowError> Warnings => _problems.Warnings;

    /// <summary>Reads the current record into <paramref name="batch"/>, or says why it cannot (and adds nothing).</summary>
    public bool TryParse(ExportReader reader, EventBatch batch, out RowError? error)
    {
        error = null;
        _problems.NextRow();
        var line = reader.LineNumber;
        if (reader.FieldCount != _fieldCount)
        {
            error = Error(reader, null, ImportReason.Of(ImportReasonCode.ColumnCount, Count(_fieldCount), Count(reader.FieldCount)));
            return false;
        }

        var timeColumn = map[EventField.Time];
        var timeSpan = reader.GetSpan(timeColumn);
        if (timeSpan.Trim((byte)' ').IsEmpty)
        {
            error = Missing(reader, EventField.Time);
            return false;
        }

        if (!FieldValue.TryTime(timeSpan, map.Format.TimeStyle, conventions.DateOrder, _endUs, out var timeUs, out var problem))
        {
            error = Error(reader, EventField.Time, problem!);
            return false;
        }

        if (!TryText(reader, EventField.EventName, out var eventName))
        {
            error = Missing(reader, EventField.EventName);
            return false;
        }

        var hasSession = TryText(reader, EventField.SessionId, out var session);
        var hasVisitor = TryText(reader, EventField.VisitorId, out var visitor);
        if (!hasSession && map.Format.Required.Contains(EventField.SessionId))
        {
            error = Missing(reader, EventField.SessionId);
            return false;
        }

        if (!hasVisitor && !hasSession)
        {
            error = Missing(reader, map[EventField.VisitorId] >= 0 ? EventField.VisitorId : EventField.SessionId);
            return false;
        }

        var price = Number(reader, EventField.Price);
        var quantity = Whole(reader, EventField.Quantity);
        var pageLoad = Whole(reader, EventField.PageLoadMs);

        var row = new EventRow { TimeUs = timeUs, Line = line, Price = price, Quantity = quantity, PageLoadMs = pageLoad };
        var start = batch.BeginRow(timeUs);
        row.SessionKey = !hasSession ? batch.Append(default, isNull: true, separated: true)
            : map.Format.SessionPerVisitor && hasVisitor ? batch.AppendJoined(visitor, (byte)':', session)
            : batch.Append(session, isNull: false, separated: true);
        row.VisitorKey = hasVisitor ? batch.Append(visitor, isNull: false, separated: true) : batch.Append(batch.Text(row.SessionKey), isNull: false, separated: true);
        row.EventName = batch.Append(eventName, isNull: false, separated: true);
        row.ProductId = AppendText(reader, batch, EventField.ProductId, separated: true);
        row.OrderId = AppendText(reader, batch, EventField.OrderId, separated: true);
        var identityEnd = batch.TextUsed;
        row.Device = AppendText(reader, batch, EventField.Device, separated: false);
        row.Channel = AppendText(reader, batch, EventField.Channel, separated: false);
        row.Country = AppendText(reader, batch, EventField.Country, separated: false);
        batch.Add(row, start, identityEnd);
        return true;
    }

    private TextRange AppendText(ExportReader reader, EventBatch batch, EventField field, bool separated) =>
        TryText(reader, field, out var text) ? batch.Append(text, isNull: false, separated) : batch.Append(default, isNull: true, separated);

    /// <summary>
    /// The field's text as UTF-8, trimmed; false when the column is missing or blank. Plain ASCII-edged, valid UTF-8
    /// (nearly every value) is used as the file has it; anything else goes through a string, so that Unicode white space
    /// is trimmed as everywhere else (bytes that are not UTF-8 never get here: the reader rejects their row).
    /// </summary>
    private bool TryText(ExportReader reader, EventField field, out ReadOnlySpan<byte> text)
    {
        text = default;
        var column = map[field];
        if (column < 0)
        {
            return false;
        }

        var span = reader.GetSpan(column);
        if (span.Trim((byte)' ').IsEmpty)
        {
            return false;
        }

        if (span[0] is > 0x20 and < 0x80 && span[^1] is > 0x20 and < 0x80 && Utf8.IsValid(span))
        {
            text = span;
            return true;
        }

        var value = reader.GetString(column);
        text = Encoding.UTF8.GetBytes(value.Length > 0 && (value[0] == ' ' || value[^1] == ' ') ? value.Trim() : value);
        return true;
    }

    // An optional number: its value, or null (with a warning) when the field cannot be read.
    private double? Number(ExportReader reader, EventField field)
    {
        var column = map[field];
        if (column < 0)
        {
            return null;
        }

        if (FieldValue.TryNumber(reader.GetSpan(column), conventions.DecimalMark, field.Name(), allowNegative: false, out var value, out var problem))
        {
            return value;
        }

        _problems.Warn(reader, column, field.Name(), problem!);
        return null;
    }

    private int? Whole(ExportReader reader, EventField field)
    {
        var column = map[field];
        if (column < 0)
        {
            return null;
        }

        if (FieldValue.TryWhole(reader.GetSpan(column), conventions.DecimalMark, field.Name(), out var value, out var problem))
        {
            return value;
        }

        _problems.Warn(reader, column, field.Name(), problem!);
        return null;
    }

    private RowError Missing(ExportReader reader, EventField field) =>
        Error(reader, field, ImportReason.Of(ImportReasonCode.MissingField, field.Name()));

    private RowError Error(ExportReader reader, EventField? field, ImportReason reason) =>
        _problems.Reject(reader, field is { } f ? map[f] : -1, field?.Name(), reason);

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
