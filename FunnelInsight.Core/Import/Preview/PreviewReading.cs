namespace FunnelInsight.Core.Import.Preview;

/// <summary>
/// One previewed row as the import would store it, read by the importer's own row reader in the file's encoding, date
/// order and decimal mark: its time and values, or the row error it would get.
/// </summary>
/// <param name="Line">The row's line in the file.</param>
/// <param name="Time">The event's or order's time (UTC), as stored; null when the row would be rejected.</param>
/// <param name="Values">The row's other mapped fields as stored, in field order; empty when it would be rejected.</param>
/// <param name="Error">Why the row would be rejected; null when it would be stored.</param>
public sealed record PreviewReading(long Line, DateTime? Time, IReadOnlyList<PreviewValue> Values, string? Error)
{
    /// <summary>A row the import would reject, with its reason.</summary>
    public static PreviewReading Rejected(long line, Reasons.ImportReason reason) => new(line, null, [], reason.Text) { Rejection = reason };

    /// <summary>Why the row would be rejected, as a code and its figures (<see cref="Error"/> is its English text); null when it would be stored.</summary>
    public Reasons.ImportReason? Rejection { get; init; }

    /// <summary>The warnings of <see cref="Warnings"/> with their columns and reasons as codes.</summary>
    public IReadOnlyList<RowError> FieldWarnings { get; init; } = [];

    /// <summary>What the row would be kept without (an optional value that cannot be read), each as "column: reason"; empty when nothing.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The value of the field called <paramref name="field"/> (<c>price</c>, <c>country</c>…), if the row has it.</summary>
    public PreviewValue? this[string field] => Values.FirstOrDefault(v => v.Field == field);
}

/// <summary>One field of a previewed row as stored: text (cut to 200 characters), or a number, or neither when empty.</summary>
/// <param name="Field">The canonical field name (<c>event_type</c>, <c>price</c>, <c>total</c>…).</param>
/// <param name="Text">The text stored, for a text field.</param>
/// <param name="Number">The number stored, for a numeric field.</param>
public sealed record PreviewValue(string Field, string? Text, double? Number);
