using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using FunnelInsight.Core.Import.Reading;

namespace FunnelInsight.Core.Import.Reasons;

/// <summary>
/// Why a row was rejected or warned about, or why an import failed, as a code and its arguments (the values and names
/// the sentence quotes, already cut), so that each language words it with the same figures. <see cref="Text"/> is
/// the English sentence, the one the error file, the command line and the API write.
/// </summary>
/// <param name="Code">Which reason.</param>
/// <param name="Arguments">The sentence's arguments, in placeholder order.</param>
public sealed record ImportReason(ImportReasonCode Code, IReadOnlyList<string> Arguments)
{
    private static readonly FrozenDictionary<ImportReasonCode, string> Sentences = typeof(ImportReasonCode)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToFrozenDictionary(f => (ImportReasonCode)f.GetValue(null)!, f => f.GetCustomAttribute<EnglishAttribute>()!.Text);

    /// <summary>The reason in English.</summary>
    public string Text => Code == ImportReasonCode.NotCsv && Arguments.Count == 2 && Enum.TryParse<ContentProblem>(Arguments[1], out var problem)
        ? string.Format(CultureInfo.InvariantCulture, English(Code), Arguments[0], ExportContent.Sentence(problem))
        : string.Format(CultureInfo.InvariantCulture, English(Code), [.. Arguments]);

    /// <summary>The English sentence of <paramref name="code"/>, with its placeholders.</summary>
    public static string English(ImportReasonCode code) => Sentences[code];

    /// <summary>How many arguments the sentence of <paramref name="code"/> takes.</summary>
    public static int ArgumentCount(ImportReasonCode code)
    {
        var count = 0;
        while (English(code).Contains("{" + count.ToString(CultureInfo.InvariantCulture) + "}", StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>A reason with arguments.</summary>
    public static ImportReason Of(ImportReasonCode code, params string[] arguments) => new(code, arguments);

    /// <summary>A text of its own, shown as it is in every language.</summary>
    public static ImportReason Plain(string text) => new(ImportReasonCode.Text, [text]);

    /// <summary>The arguments as stored beside the English text (a JSON array).</summary>
    public string StoredArguments() => JsonSerializer.Serialize(Arguments);

    /// <summary>
    /// The reason stored as <paramref name="code"/> and <paramref name="arguments"/>; the English <paramref name="text"/>
    /// itself when it was stored without a code (before reasons had codes) or its arguments cannot be read.
    /// </summary>
    public static ImportReason Stored(int code, string? arguments, string text)
    {
        if (code == 0 || arguments is null || !Enum.IsDefined((ImportReasonCode)code))
        {
            return Plain(text);
        }

        try
        {
            var values = JsonSerializer.Deserialize<string[]>(arguments);
            return values is null || values.Length != ArgumentCount((ImportReasonCode)code) ? Plain(text) : new((ImportReasonCode)code, values);
        }
        catch (JsonException)
        {
            return Plain(text);
        }
    }

    /// <inheritdoc />
    public bool Equals(ImportReason? other) => other is not null && Code == other.Code && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Arguments.Count);
}
