using FunnelInsight.Core.Import;

namespace FunnelInsight.Web.Services.Importing;

/// <summary>
/// An import waiting for or running on the background worker. Pages watch <see cref="Changed"/> (raised on a
/// worker thread, at most once per percent of the file) and read <see cref="Progress"/> and <see cref="Result"/>.
/// </summary>
public sealed class ImportJob : IProgress<ImportProgress>, IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _cancel = new();
    private ImportProgress _progress;
    private ImportResult? _result;

    /// <summary>Creates a job for <paramref name="request"/>.</summary>
    public ImportJob(ImportRequest request, long fileSize)
    {
        Request = request;
        // Queued behind another import until the worker takes it (and then until SQLite's write lock is free).
        _progress = new ImportProgress(ImportPhase.Waiting, 0, fileSize, 0);
    }

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
        Changed?.Invoke();
    }

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();
}
