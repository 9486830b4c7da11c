using System.Runtime.InteropServices;

namespace FunnelInsight.Web.Cli;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancel of the running verb, so that an import stops cleanly (its
/// transaction rolled back, its temporary files removed, its record Cancelled) and the command exits 130. A second
/// signal is left to its default: the process ends at once (and the next start marks the import interrupted).
/// </summary>
internal sealed class CommandSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;

    public CommandSignals() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (!_cancel.IsCancellationRequested)
        {
            context.Cancel = true;
            _cancel.Cancel();
        }
    }
}
