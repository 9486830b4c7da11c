namespace FunnelInsight.Core.Import;

/// <summary>
/// Where each field of an export stands in a file's header, for the event and the order column maps alike: found by
/// the format's header names, then moved where the user named a column (field → header name).
/// </summary>
internal static class ColumnLookup
{
    /// <summary>
    /// For each field, by its number, its 0-based column in <paramref name="header"/> among the format's
    /// <paramref name="names"/>, or the column <paramref name="overrides"/> names for it; -1 when the file has none.
    /// </summary>
    /// <exception cref="ImportFileException">An override names a column that is not in the header.</exception>
    public static int[] Resolve<TField>(
        IReadOnlyList<string> header,
        IReadOnlyDictionary<TField, string[]> names,
        IReadOnlyDictionary<TField, string> overrides,
        Func<TField, string> fieldName)
        where TField : struct, Enum
    {
        var columns = Enum.GetValues<TField>()
            .Select(field => names.TryGetValue(field, out var candidates) ? HeaderName.Find(header, candidates) : -1)
            .ToArray();
        foreach (var (field, column) in overrides)
        {
            var index = HeaderName.Find(header, [column]);
            columns[Index(field)] = index >= 0 ? index
                : throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.MappedColumnMissing, Reading.ExportText.Cut(column), fieldName(field), Reading.ExportText.Columns(header)));
        }

        return columns;
    }

    /// <summary>The <paramref name="columns"/> of <paramref name="header"/> as <c>field=column</c> pairs, in field order.</summary>
    public static string ToText<TField>(int[] columns, IReadOnlyList<string> header, Func<TField, string> fieldName)
        where TField : struct, Enum =>
        string.Join(',', Enum.GetValues<TField>()
            .Where(field => columns[Index(field)] >= 0)
            .Select(field => $"{fieldName(field)}={header[columns[Index(field)]]}"));

    private static int Index<TField>(TField field)
        where TField : struct, Enum => Convert.ToInt32(field, CultureInfo.InvariantCulture);
}
