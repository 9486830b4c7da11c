namespace FunnelInsight.Core.Import.Preview;

/// <summary>
/// What a file looks like before it is imported: the format recognised from its header, its first rows,
/// and the column proposed for each canonical field (which the user may change before importing).
/// </summary>
/// <param name="Format">The recognised format's short name, or null when the header matches no known export.</param>
/// <param name="FormatTitle">The recognised format, for people; null when there is none.</param>
/// <param name="Header">The file's header.</param>
/// <param name="Rows">The first data rows, each as its fields.</param>
/// <param name="Columns">One proposal per canonical field, in field order.</param>
/// <param name="Problem">Why the file cannot be imported at all (not CSV text, no header), in English; null when it can be tried.</param>
/// <param name="ProblemKind">The same reason as a code, for words in the user's language; null when it can be tried.</param>
/// <param name="Encoding">The text encoding the rows were read in (detected, or as chosen); null when the file is not text.</param>
public sealed record ImportPreview(
    string? Format,
    string? FormatTitle,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<ColumnProposal> Columns,
    string? Problem,
    PreviewProblem? ProblemKind = null,
    string? Encoding = null)
{
    /// <summary>How the encoding was decided: detected from the file, or chosen by the user.</summary>
    public Reading.DecisionSource EncodingSource { get; init; }

    /// <summary>The day/month order and decimal mark the rows are read with, and how each was decided; null when the file cannot be read.</summary>
    public Reading.FileConventions? Conventions { get; init; }

    /// <summary>The first rows as the import would store them (or the row error each would get); empty while a required field has no column.</summary>
    public IReadOnlyList<PreviewReading> Readings { get; init; } = [];

    /// <summary>A preview of a file that cannot be imported; <paramref name="header"/> is what was read of its header, if anything.</summary>
    public static ImportPreview Unreadable(PreviewProblem kind, string problem, IReadOnlyList<string>? header = null) =>
        new(null, null, header ?? [], [], [], problem, kind);

    /// <summary>
    /// The mapping text (<c>field=column,…</c>) for the given choices, as <see cref="ImportRequest.Mapping"/>
    /// takes it; fields without a column are left out.
    /// </summary>
    public static string MappingText(IEnumerable<ColumnProposal> columns) =>
        string.Join(',', columns.Where(c => !string.IsNullOrEmpty(c.Column)).Select(c => $"{c.Field}={c.Column}"));
}

/// <summary>The column of the file proposed (or chosen) for one canonical field.</summary>
/// <param name="Field">The canonical field name (<c>event_time</c>, <c>order_id</c>, …).</param>
/// <param name="Column">The file's column for it, or null when none.</param>
/// <param name="Required">True when an import cannot run without this field.</param>
public sealed record ColumnProposal(string Field, string? Column, bool Required);
