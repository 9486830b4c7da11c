namespace FunnelInsight.Web.Cli;

/// <summary>The options of a command line verb: <c>--name value</c> pairs and bare <c>--flag</c>s.</summary>
public sealed class CommandArguments
{
    // Verbs whose second word is an action (users add, report funnel); every other verb takes options only.
    private static readonly string[] VerbsWithActions = ["users", "report"];
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    private CommandArguments(string verb, string? action) => (Verb, Action) = (verb, action);

    /// <summary>The verb (first argument).</summary>
    public string Verb { get; }

    /// <summary>The action after a verb that has actions (<c>add</c> in <c>users add</c>, <c>funnel</c> in <c>report funnel</c>), or null.</summary>
    public string? Action { get; }

    /// <summary>Reads <c>verb [action] --name value --flag …</c>.</summary>
    /// <exception cref="CommandLineException">An argument is not an option.</exception>
    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        var hasAction = VerbsWithActions.Contains(args[0], StringComparer.OrdinalIgnoreCase) && args.Count > 1 && !args[1].StartsWith("--", StringComparison.Ordinal);
        var parsed = new CommandArguments(args[0], hasAction ? args[1] : null);
        for (var i = hasAction ? 2 : 1; i < args.Count; i++)
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
        Get(name) is { Length: > 0 } value ? value : throw new CommandLineException($"{Verb}{(Action is null ? "" : " " + Action)}: --{name} is required.");
}

/// <summary>A command line mistake or refusal, reported as one line on stderr with a non-zero exit code.</summary>
/// <param name="message">The line printed on stderr.</param>
/// <param name="exitCode">2 for a command mistake, <see cref="Refused"/> when the store is not the caller's.</param>
public sealed class CommandLineException(string message, int exitCode = 2) : Exception(message)
{
    /// <summary>The exit code of a refused store: not a member, too low a role, or a bad token.</summary>
    public const int Refused = 3;

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
