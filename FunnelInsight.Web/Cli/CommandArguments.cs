namespace FunnelInsight.Web.Cli;

/// <summary>The options of a command line verb: <c>--name value</c> pairs and bare <c>--flag</c>s.</summary>
public sealed class CommandArguments
{
    // Only these verbs take a word before their options; for the others it stays an unexpected argument.
    private static readonly string[] VerbsWithSubject = ["report"];

    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    private CommandArguments(string verb) => Verb = verb;

    /// <summary>The verb (first argument).</summary>
    public string Verb { get; }

    /// <summary>A word right after the verb that is not an option (<c>report funnel</c>), or null.</summary>
    public string? Subject { get; private set; }

    /// <summary>Reads <c>verb [subject] --name value --flag …</c>.</summary>
    /// <exception cref="CommandLineException">An argument after the subject is not an option.</exception>
    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new CommandArguments(args[0]);
        var first = 1;
        if (args.Count > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) && VerbsWithSubject.Contains(args[0], StringComparer.OrdinalIgnoreCase))
        {
            parsed.Subject = args[1];
            first = 2;
        }

        for (var i = first; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"Unexpected argument '{args[i]}'.");
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._options[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return parsed;
    }

    /// <summary>The value of <c>--name</c>, or null.</summary>
    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>True when <c>--name</c> was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The value of <c>--name</c>; a <see cref="CommandLineException"/> when it is missing.</summary>
    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new CommandLineException($"{Verb}: --{name} is required.");
}

/// <summary>A command line mistake, reported as one line on stderr with a non-zero exit code.</summary>
public sealed class CommandLineException(string message) : Exception(message);
