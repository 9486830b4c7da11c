namespace FunnelInsight.Core.Domain;

/// <summary>A filter key that is not understood, or a value that does not parse.</summary>
/// <param name="Key">The key as given.</param>
/// <param name="Value">The value as given.</param>
/// <param name="Message">What is wrong, naming the key (English, for the API and the command line).</param>
public sealed record FilterProblem(string Key, string? Value, string Message);
