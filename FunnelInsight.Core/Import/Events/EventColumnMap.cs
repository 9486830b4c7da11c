namespace FunnelInsight.Core.Import.Events;

/// <summary>Which column of a particular file holds each event field.</summary>
public sealed class EventColumnMap
{
    private readonly int[] _columns;

    private EventColumnMap(EventFormat format, IReadOnlyList<string> header, int[] columns)
    {
        Format = format;
        Header = header;
        _columns = columns;
    }

    /// <summary>The format the mapping started from.</summary>
    public EventFormat Format { get; }

    /// <summary>The file's header.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The 0-based column of <paramref name="field"/>, or -1 when the file has none.</summary>
    public int this[EventField field] => _columns[(int)field];

    /// <summary>
    /// Maps <paramref name="header"/> with <paramref name="format"/>'s column names, then applies
    /// <paramref name="overrides"/> (field → header name).
    /// </summary>
    /// <exception cref="ImportFileException">A named column is not in the header, or a required field has no column.</exception>
    public static EventColumnMap Resolve(EventFormat format, IReadOnlyList<string> header, IReadOnlyDictionary<EventField, string>? overrides = null)
    {
        var columns = ColumnLookup.Resolve(header, format.Columns, overrides ?? new Dictionary<EventField, string>(), EventFieldNames.Name);
        var missing = format.Required.Where(field => columns[(int)field] < 0).Select(field => field.Name()).ToList();
        if (columns[(int)EventField.SessionId] < 0 && columns[(int)EventField.VisitorId] < 0)
        {
            missing.Add($"{EventField.SessionId.Name()} or {EventField.VisitorId.Name()}");
        }

        if (missing.Count > 0)
        {
            throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.EventColumnsMissing, string.Join(", ", missing), format.Title));
        }

        return new EventColumnMap(format, header, columns);
    }

    /// <summary>The mapping as <c>field=column</c> pairs, as stored with the import and accepted by <c>--map</c>.</summary>
    public string ToText() => ColumnLookup.ToText<EventField>(_columns, Header, EventFieldNames.Name);
}
