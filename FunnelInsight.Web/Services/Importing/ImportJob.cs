namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// An import waiting for or running on a background worker. Pages watch <see cref="Changed"/> (raised on a
/// worker thread, at most once per percent of the file) and read <see cref="Progress"/> and <see cref="Result"/>.
/// A shared job (<see cref="SharedId"/>) may run on another instance: its progress then comes from the jobs table.
/// </summary>
public sealed class ImportJob : IProgress<ImportProgress>, IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource<ImportResult> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<Task>? _cancelShared;
    private ImportProgress _progress;
    private ImportResult? _result;

    /// <summary>Creates a job for <paramref name="request"/>.</summary>
    public ImportJob(ImportRequest request, long fileSize)
        : this(request, fileSize, null, null)
    {
    }

    /// <summary>Creates the watch of shared job <paramref name="sharedId"/>; <paramref name="cancelShared"/> asks whichever instance runs it to stop.</summary>
    internal ImportJob(ImportRequest request, long fileSize, long? sharedId, Func<Task>? cancelShared)
    {
        Request = request;
        SharedId = sharedId;
        _cancelShared = cancelShared;
        // Queued behind another import until a worker takes it (and then until the database's write turn is free).
        _progress = new ImportProgress(ImportPhase.Waiting, 0, fileSize, 0);
    }

    /// <summary>The job's id in the shared jobs table; null for a job of this process's own queue.</summary>
    public long? SharedId { get; }

    /// <summary>True while this instance's worker runs it (its progress is then reported here as it happens).</summary>
    internal bool RunsHere { get; set; }

    /// <summary>Raised when the progress moves on or the import ends.</summary>
    public event Action? Changed;

    /// <summary>What to import.</summary>
    public ImportRequest Request { get; }

    /// <summary>How far it has come.</summary>
    public ImportProgress Progress
    {
        get
        {
            lock (_lock)
            {
                return _progress;
            }
        }
    }

    /// <summary>The result once it has ended; null before.</summary>
    public ImportResult? Result => Volatile.Read(ref _result);

    /// <summary>Stops the import; the store stays as it was. Does nothing once it has ended.</summary>
    public void Cancel()
    {
        if (Result is null)
        {
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended between the check and the click: nothing left to stop.
            }

            // Another instance may be running it: it stops at its next beat.
            _ = _cancelShared?.Invoke();
        }
    }

    /// <summary>
    /// The result once the import has ended, passing its progress to <paramref name="progress"/> meanwhile;
    /// <paramref name="cancellationToken"/> cancels the import (and the result is then the cancelled import's).
    /// </summary>
    public async Task<ImportResult> WaitAsync(IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        void Moved() => progress?.Report(Progress);
        Changed += Moved;
        try
        {
            await using var cancelling = cancellationToken.Register(Cancel);
            Moved();
            return await _ended.Task;
        }
        finally
        {
            Changed -= Moved;
        }
    }

    /// <summary>Cancelled when the user stops the import.</summary>
    internal CancellationToken CancellationToken => _cancel.Token;

    void IProgress<ImportProgress>.Report(ImportProgress value)
    {
        bool moved;
        lock (_lock)
        {
            moved = value.Phase != _progress.Phase || (int)(value.Fraction * 100) != (int)(_progress.Fraction * 100);
            _progress = value;
        }

        if (moved)
        {
            Changed?.Invoke();
        }
    }

    internal void Finish(ImportResult result)
    {
        Volatile.Write(ref _result, result);
        _ended.TrySetResult(result);
        Changed?.Invoke();
    }

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();
}
