using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Events;

/// <summary>Reads a column mapping written as <c>event_time=ts,event_type=action</c>.</summary>
public static class EventMappingText
{
    /// <summary>Parses <paramref name="text"/>; null or blank gives an empty mapping.</summary>
    /// <exception cref="ImportFileException">A pair is not <c>field=column</c>, or names an unknown field.</exception>
    public static IReadOnlyDictionary<EventField, string> Parse(string? text)
    {
        var mapping = new Dictionary<EventField, string>();
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.MappingForm, pair));
            }

            if (!EventFieldNames.TryParse(parts[0], out var field))
            {
                throw new ImportFileException(Reasons.ImportReason.Of(Reasons.ImportReasonCode.UnknownMappingField, ExportText.Cut(parts[0]), string.Join(", ", Enum.GetValues<EventField>().Select(f => f.Name()))));
            }

            mapping[field] = parts[1];
        }

        return mapping;
    }
}
