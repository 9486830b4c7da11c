using Microsoft.Extensions.Logging;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// The log of a command: its warnings and errors, with their exceptions, as lines on the command's stderr (the
/// dashboard's log is its console; a command has no other). Written here because the console logger writes to the
/// process's own console on a queue of its own, not to the writer the command was given.
/// </summary>
/// <typeparam name="T">The category: the type that logs.</typeparam>
internal sealed class CommandErrorLog<T>(TextWriter error, string verb) : ILogger<T>
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"{verb}: {(logLevel >= LogLevel.Error ? "error" : "warning")}: {formatter(state, exception)}";
        lock (error)
        {
            error.WriteLine(exception is null ? line : $"{line}: {exception}");
        }
    }
}
