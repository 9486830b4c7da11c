namespace FunnelInsight.Core.Events;

/// <summary>
/// The events file is held by another process. DuckDB lets one process open a file and refuses every other one,
/// readers too, so a command started while a dashboard or another import has the file open cannot use it.
/// </summary>
/// <param name="path">The events file.</param>
/// <param name="inner">The engine's own error, naming the process that holds the file.</param>
public sealed class EventStoreLockedException(string path, Exception inner)
    : IOException($"the events file {path} is open in another process (a dashboard or an import); try again once it has ended. {inner.Message}", inner);
