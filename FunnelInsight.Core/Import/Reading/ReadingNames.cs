namespace FunnelInsight.Core.Import.Reading;

/// <summary>Names of <see cref="DateOrder"/>, <see cref="DecimalMark"/> and <see cref="DecisionSource"/> as the command line, the API and the result write them.</summary>
public static class ReadingNames
{
    /// <summary><c>dmy</c>, <c>mdy</c> or <c>ymd</c>.</summary>
    public static string Name(this DateOrder order) => order.ToString().ToLowerInvariant();

    /// <summary><c>point</c> or <c>comma</c>.</summary>
    public static string Name(this DecimalMark mark) => mark.ToString().ToLowerInvariant();

    /// <summary><c>detected</c>, <c>assumed</c> or <c>chosen</c>.</summary>
    public static string Name(this DecisionSource source) => source.ToString().ToLowerInvariant();

    /// <summary>Reads <c>dmy</c>, <c>mdy</c> or <c>ymd</c> (without case); null for empty.</summary>
    /// <exception cref="ImportFileException">Any other word.</exception>
    public static DateOrder? ParseDateOrder(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : Enum.TryParse<DateOrder>(text.Trim(), ignoreCase: true, out var order) && !int.TryParse(text, out _) ? order
            : throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.UnknownDateOrder, ExportText.Cut(text)));

    /// <summary>Reads <c>comma</c> or <c>point</c> (without case); null for empty.</summary>
    /// <exception cref="ImportFileException">Any other word.</exception>
    public static DecimalMark? ParseDecimalMark(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : Enum.TryParse<DecimalMark>(text.Trim(), ignoreCase: true, out var mark) && !int.TryParse(text, out _) ? mark
            : throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.UnknownDecimalMark, ExportText.Cut(text)));
}
