namespace FunnelInsight.Core.Import.Reasons;

/// <summary>
/// Why a row was rejected or warned about, or why an import failed: a code with its English sentence, so that the
/// dashboard can say it in the user's language with the same figures. Codes are stored by number: add at the end only.
/// </summary>
public enum ImportReasonCode
{
    /// <summary>A text of its own (a system's message, or one stored before reasons had codes), shown as it is.</summary>
    [English("{0}")]
    Text = 0,

    /// <summary>The row has another number of fields than the header.</summary>
    [English("Expected {0} columns, found {1}.")]
    ColumnCount = 1,

    /// <summary>A required field is empty or has no column.</summary>
    [English("Missing required field {0}.")]
    MissingField = 2,

    /// <summary>A time that cannot be read.</summary>
    [English("Unparseable time '{0}'.")]
    UnparseableTime = 3,

    /// <summary>A time before 1995 or after tomorrow.</summary>
    [English("Time '{0}' is outside 1995-01-01 … {1} (tomorrow).")]
    TimeOutOfRange = 4,

    /// <summary>A number field that is not a number.</summary>
    [English("{0} '{1}' is not a number.")]
    NotANumber = 5,

    /// <summary>A negative number where none is allowed.</summary>
    [English("{0} {1} is negative.")]
    Negative = 6,

    /// <summary>A fraction where a whole number is needed.</summary>
    [English("{0} {1} is not a whole number.")]
    NotWhole = 7,

    /// <summary>Bytes that are not UTF-8 in a column of a file read as UTF-8.</summary>
    [English("Bytes {0} in {1} are not UTF-8, the encoding the file is read in: the row is skipped. If the file is in another encoding, import it again naming it (--encoding windows-1252, windows-1256…).")]
    NotUtf8InColumn = 8,

    /// <summary>Bytes that are not UTF-8 in a file read as UTF-8, past its named columns.</summary>
    [English("Bytes {0} are not UTF-8, the encoding the file is read in: the row is skipped. If the file is in another encoding, import it again naming it (--encoding windows-1252, windows-1256…).")]
    NotUtf8 = 9,

    /// <summary>A quoted field that is never closed.</summary>
    [English("Unterminated quote: a quoted field that starts on this line is never closed. The row is skipped and reading goes on at the next line.")]
    UnterminatedQuote = 10,

    /// <summary>An event format name that is not known.</summary>
    [English("Unknown event format '{0}'. Formats: {1}.")]
    UnknownEventFormat = 11,

    /// <summary>An order format name that is not known.</summary>
    [English("Unknown order format '{0}'. Formats: {1}.")]
    UnknownOrderFormat = 12,

    /// <summary>A header that matches no event export.</summary>
    [English("The columns ({0}) match no known event export (GA4, REES46, RetailRocket, canonical). Give a column mapping, for example --map \"event_time=ts,event_type=action,session_id=sid\".")]
    UnknownEventLayout = 13,

    /// <summary>A header that matches no order export.</summary>
    [English("The columns ({0}) match no known order export (Shopify, WooCommerce, UCI Online Retail, canonical). Give a column mapping, for example --map \"order_id=Id,created_at=Date,total=Amount\".")]
    UnknownOrderLayout = 14,

    /// <summary>An event mapping pair without <c>=</c>.</summary>
    [English("Mapping '{0}' is not of the form field=column.")]
    MappingForm = 15,

    /// <summary>An order mapping pair without <c>=</c> or with an unknown field.</summary>
    [English("Mapping '{0}' is not of the form field=column with a known order field.")]
    OrderMappingForm = 16,

    /// <summary>An event mapping that names an unknown field.</summary>
    [English("Unknown field '{0}' in the mapping. Fields: {1}.")]
    UnknownMappingField = 17,

    /// <summary>A mapping that names a column the file does not have.</summary>
    [English("The mapping names column '{0}' for {1}, but the file has no such column. Columns: {2}.")]
    MappedColumnMissing = 18,

    /// <summary>Required event columns the file does not have.</summary>
    [English("No column for {0} ({1}). Give a column mapping, for example --map \"event_time=ts,event_type=action,session_id=sid\".")]
    EventColumnsMissing = 19,

    /// <summary>Required order columns the file does not have.</summary>
    [English("No column for {0} ({1}). Give a column mapping, for example --map \"order_id=Id,created_at=Date,total=Amount\".")]
    OrderColumnsMissing = 20,

    /// <summary>A day/month order name that is not known.</summary>
    [English("Unknown date order '{0}'. Use dmy, mdy or ymd.")]
    UnknownDateOrder = 21,

    /// <summary>A decimal mark name that is not known.</summary>
    [English("Unknown decimal mark '{0}'. Use comma or point.")]
    UnknownDecimalMark = 22,

    /// <summary>An encoding name that is not known.</summary>
    [English("Unknown encoding '{0}'. Use a name such as utf-8, utf-16, windows-1256 or windows-1252.")]
    UnknownEncoding = 23,

    /// <summary>A file that is not CSV text (its first argument the file, its second the <see cref="Reading.ContentProblem"/>).</summary>
    [English("\"{0}\" {1}")]
    NotCsv = 24,

    /// <summary>A first line longer than the longest record read.</summary>
    [English("The first line is longer than {0} MB (or opens a quote that is never closed): it is not a CSV header.")]
    HeaderTooLong = 25,

    /// <summary>A header with a quote never closed.</summary>
    [English("The header opens a quote that is never closed, so the file has no readable header.")]
    HeaderQuote = 26,

    /// <summary>No header row.</summary>
    [English("The file is empty or has no header row.")]
    NoHeader = 27,

    /// <summary>The import's store is gone.</summary>
    [English("Store {0} does not exist.")]
    StoreMissing = 28,

    /// <summary>The import was cancelled.</summary>
    [English("The import was cancelled; nothing was stored.")]
    Cancelled = 29,

    /// <summary>The import's process ended before it finished.</summary>
    [English("The import was interrupted (its process ended before it finished); nothing was stored.")]
    Interrupted = 30,

    /// <summary>A fault of FunnelInsight's, written to the log.</summary>
    [English("The import stopped on an unexpected error (written to the server log); nothing was stored.")]
    Unexpected = 31,

    /// <summary>An export of lines with a unit price but no quantity column, so no line's amount can be known.</summary>
    [English("No column for quantity ({0}): an order of lines is the sum of quantity × unit_price, so without it every line would count as one. Give a column mapping naming it, for example --map \"quantity=Qty\", or the order's total, --map \"total=Amount\".")]
    LineQuantityMissing = 32,

    /// <summary>A line of an order one of whose other lines was rejected: the order is stored with all its lines or not at all.</summary>
    [English("Order '{0}' is not stored: its line {1} was rejected, and an order is stored with all of its lines or not at all. Correct line {1} and import the file again.")]
    OrderLineRejected = 33,
}
