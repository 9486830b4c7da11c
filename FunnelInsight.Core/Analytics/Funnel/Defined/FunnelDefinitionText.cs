namespace FunnelInsight.Core.Analytics.Funnel.Defined;

/// <summary>
/// The written form of a user-defined funnel, the one reader and writer for links, the API and the command line.
/// Steps are separated by <c>,</c>; a step is <c>stage:NAME</c> (landing … purchase) or event names separated by
/// <c>|</c>, followed by any narrowings <c>[field=value]</c> (field: product, device, channel, country). Inside a name
/// or a value the characters <c>% , | [ ] = :</c> are written as <c>%XX</c> (<c>%2C</c> for a comma), so any event name
/// can be written.
/// </summary>
public static class FunnelDefinitionText
{
    private const string StagePrefix = "stage:";
    private const string Reserved = "%,|[]=:";

    /// <summary>Reads <paramref name="text"/>; the result carries the funnel or what is wrong with it.</summary>
    public static FunnelDefinitionResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail("A funnel needs its steps, separated by commas (for example view_item,add_to_cart,purchase).");
        }

        var parts = text.Split(',');
        if (parts.Length is < FunnelDefinition.MinSteps or > FunnelDefinition.MaxSteps)
        {
            return Fail($"A funnel has {FunnelDefinition.MinSteps} to {FunnelDefinition.MaxSteps} steps; this one has {parts.Length}.");
        }

        var steps = new List<FunnelStepDefinition>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var (step, error) = ParseStep(parts[i].Trim());
            if (step is null)
            {
                return Fail($"Step {i + 1} ('{parts[i].Trim()}'): {error}");
            }

            steps.Add(step);
        }

        return new FunnelDefinitionResult(new FunnelDefinition(steps), null);
    }

    /// <summary>A funnel of the given steps, or what is wrong with their number.</summary>
    public static FunnelDefinitionResult Of(IReadOnlyList<FunnelStepDefinition> steps) =>
        steps.Count is < FunnelDefinition.MinSteps or > FunnelDefinition.MaxSteps
            ? Fail($"A funnel has {FunnelDefinition.MinSteps} to {FunnelDefinition.MaxSteps} steps; this one has {steps.Count}.")
            : new FunnelDefinitionResult(new FunnelDefinition([.. steps]), null);

    /// <summary>A stage step.</summary>
    public static FunnelStepDefinition StageStep(FunnelStage stage, params IReadOnlyList<StepNarrowing> narrowings) =>
        new(stage, [], Narrowings(narrowings));

    /// <summary>A step of one or more event names (trimmed; blank and repeated names are left out).</summary>
    /// <exception cref="ArgumentException">No name is left.</exception>
    public static FunnelStepDefinition NamesStep(IEnumerable<string> names, params IReadOnlyList<StepNarrowing> narrowings)
    {
        var kept = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return kept.Count == 0 ? throw new ArgumentException("A step needs an event name.", nameof(names)) : new FunnelStepDefinition(null, kept, Narrowings(narrowings));
    }

    internal static string Write(FunnelStepDefinition step)
    {
        var text = new StringBuilder();
        text.Append(step.Stage is { } stage ? StagePrefix + stage.ToString().ToLowerInvariant() : string.Join('|', step.Names.Select(Escape)));
        foreach (var narrowing in step.Narrowings)
        {
            text.Append('[').Append(narrowing.Field.ToString().ToLowerInvariant()).Append('=').Append(Escape(narrowing.Value)).Append(']');
        }

        return text.ToString();
    }

    private static (FunnelStepDefinition? Step, string? Error) ParseStep(string text)
    {
        var open = text.IndexOf('[');
        var head = (open < 0 ? text : text[..open]).Trim();
        var narrowings = new List<StepNarrowing>();
        for (var rest = open < 0 ? "" : text[open..].Trim(); rest.Length > 0; rest = rest.TrimStart())
        {
            var close = rest.IndexOf(']');
            if (rest[0] != '[' || close < 0)
            {
                return (null, "a narrowing is written [field=value], for example [product=42].");
            }

            var inside = rest[1..close];
            var equals = inside.IndexOf('=');
            if (equals < 0 || !Enum.TryParse<StepField>(inside[..equals].Trim(), true, out var field) || !Enum.IsDefined(field) || inside[..equals].Trim().Any(char.IsDigit))
            {
                return (null, $"'[{inside}]' is not a narrowing; write [field=value] with field one of {string.Join(", ", Enum.GetNames<StepField>().Select(n => n.ToLowerInvariant()))}.");
            }

            var value = Unescape(inside[(equals + 1)..]).Trim();
            if (value.Length == 0)
            {
                return (null, $"the narrowing by {field.ToString().ToLowerInvariant()} has no value.");
            }

            narrowings.Add(new StepNarrowing(field, value));
            rest = rest[(close + 1)..];
        }

        if (head.StartsWith(StagePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = head[StagePrefix.Length..].Trim();
            return Enum.TryParse<FunnelStage>(name, true, out var stage) && Enum.IsDefined(stage) && !name.Any(char.IsDigit)
                ? (new FunnelStepDefinition(stage, [], narrowings), null)
                : (null, $"'{name}' is not a stage; the stages are {string.Join(", ", Enum.GetNames<FunnelStage>().Select(n => n.ToLowerInvariant()))}.");
        }

        var names = head.Split('|').Select(n => Unescape(n).Trim()).ToList();
        if (names.Any(n => n.Length == 0))
        {
            return (null, names.Count == 1 ? "the step has no event name." : "one of the step's event names is empty.");
        }

        return (new FunnelStepDefinition(null, names.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), narrowings), null);
    }

    private static List<StepNarrowing> Narrowings(IReadOnlyList<StepNarrowing> narrowings) =>
        narrowings.Select(n => n with { Value = n.Value.Trim() }).Where(n => n.Value.Length > 0).ToList();

    private static string Escape(string text)
    {
        var written = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            written.Append(Reserved.Contains(c) ? $"%{(int)c:X2}" : c);
        }

        return written.ToString();
    }

    // Only the reserved characters' codes are read back: any other % stays as it is.
    private static string Unescape(string text)
    {
        var read = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && TryReserved(text.AsSpan(i + 1), out var c))
            {
                read.Append(c);
                i += 2;
            }
            else
            {
                read.Append(text[i]);
            }
        }

        return read.ToString();
    }

    private static bool TryReserved(ReadOnlySpan<char> hex, out char reserved)
    {
        reserved = default;
        if (hex.Length < 2 || !int.TryParse(hex[..2], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        reserved = (char)code;
        return Reserved.Contains(reserved);
    }

    private static FunnelDefinitionResult Fail(string error) => new(null, error);
}
