namespace FunnelInsight.Core.Import.Reading;

/// <summary>
/// How one file writes its dates and numbers, decided once for the whole file: from the user's choice, else from its
/// values (the first date that only one order can read, the first number that only one mark can read), else assumed
/// (month first; a comma in <c>;</c> separated files, a point otherwise), and said in the result and the preview.
/// </summary>
/// <param name="DateOrder">The day/month order of numeric dates.</param>
/// <param name="DateOrderSource">How it was decided.</param>
/// <param name="DecimalMark">The decimal mark of numbers.</param>
/// <param name="DecimalMarkSource">How it was decided.</param>
public sealed record FileConventions(DateOrder DateOrder, DecisionSource DateOrderSource, DecimalMark DecimalMark, DecisionSource DecimalMarkSource)
{
    // Rows read for evidence when the first ones show neither numeric dates nor commas: nothing more is to be learnt.
    private const int LookAhead = 1000;

    /// <summary>The conventions of a file that has no numeric dates or numbers to tell (point, month first).</summary>
    public static FileConventions Plain { get; } = new(DateOrder.Mdy, DecisionSource.Assumed, DecimalMark.Point, DecisionSource.Assumed);

    /// <summary>
    /// Reads <paramref name="reader"/>'s rows (after its header) for evidence, then rewinds it to its first row.
    /// </summary>
    /// <param name="reader">The file, its header read.</param>
    /// <param name="dateColumns">The columns holding dates.</param>
    /// <param name="numberColumns">The columns holding numbers.</param>
    /// <param name="chosenOrder">The user's date order, if any.</param>
    /// <param name="chosenMark">The user's decimal mark, if any.</param>
    internal static FileConventions Decide(ExportReader reader, IReadOnlyList<int> dateColumns, IReadOnlyList<int> numberColumns, DateOrder? chosenOrder, DecimalMark? chosenMark)
    {
        DateOrder? order = chosenOrder;
        DecimalMark? mark = chosenMark;
        bool numericDates = false, commas = false;
        long rows = 0;
        while ((order is null || mark is null) && reader.Read())
        {
            if (reader.Broken is not null)
            {
                continue;
            }

            rows++;
            foreach (var column in order is null ? dateColumns : [])
            {
                var value = Field(reader, column);
                numericDates |= NumericDate.IsNumericDate(value);
                order ??= NumericDate.Evidence(value);
            }

            foreach (var column in mark is null ? numberColumns : [])
            {
                var value = Field(reader, column);
                if (value.IndexOfAny((byte)',', (byte)'.') >= 0)
                {
                    commas |= value.IndexOf((byte)',') >= 0;
                    mark ??= NumberText.Evidence(Encoding.UTF8.GetString(value));
                }
            }

            if (rows >= LookAhead && (order is not null || !numericDates) && (mark is not null || !commas))
            {
                break;
            }
        }

        reader.Rewind();
        return new FileConventions(
            order ?? DateOrder.Mdy, chosenOrder is not null ? DecisionSource.Chosen : order is not null ? DecisionSource.Detected : DecisionSource.Assumed,
            mark ?? (reader.Separator == ';' ? DecimalMark.Comma : DecimalMark.Point),
            chosenMark is not null ? DecisionSource.Chosen : mark is not null ? DecisionSource.Detected : DecisionSource.Assumed);
    }

    private static ReadOnlySpan<byte> Field(ExportReader reader, int column) =>
        column >= 0 && column < reader.FieldCount ? reader.GetSpan(column) : default;
}
