namespace FunnelInsight.Web.Cli;

/// <summary>The options of a command line verb, as System.CommandLine read them (see <see cref="CommandGrammar"/>).</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _options;

    /// <summary>A verb, its action and its options (by name, without dashes).</summary>
    public CommandArguments(string verb, string? action, IReadOnlyDictionary<string, string?> options) =>
        (Verb, Action, _options) = (verb, action, new Dictionary<string, string?>(options, StringComparer.OrdinalIgnoreCase));

    /// <summary>The verb (first argument).</summary>
    public string Verb { get; }

    /// <summary>The action after a verb that has actions (<c>add</c> in <c>users add</c>, <c>funnel</c> in <c>report funnel</c>), or null.</summary>
    public string? Action { get; }

    /// <summary>The value of <c>--name</c>, or null.</summary>
    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>Every option given, by name (without its dashes), with its value.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Given => _options;

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
