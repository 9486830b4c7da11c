using System.Diagnostics;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// A command line verb (<c>dotnet FunnelInsight.Web.dll VERB …</c>) running as its own process on a test's database,
/// with its stderr collected as it comes, to be signalled or killed mid-way as a user or an operating system would.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StringBuilder _error = new();
    private readonly Task<string> _output;

    private ChildProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_error)
            {
                _error.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _output = _process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>What it wrote to stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>True once it has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a verb on <paramref name="database"/> with <paramref name="settings"/> as its environment. SIGINT is reset to
    /// its default first (<c>env --default-signal</c>): a shell starting a job in the background hands it SIGINT ignored.
    /// </summary>
    public static ChildProcess Start(TempDatabase database, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var start = TestApp.Start(database, settings, args);
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT");
        start.FileName = "env";
        start.RedirectStandardInput = false;
        return new ChildProcess(Process.Start(start)!);
    }

    /// <summary>Sends <paramref name="signal"/> (<c>INT</c>, <c>TERM</c>, <c>KILL</c>) to process <paramref name="processId"/> with kill(1).</summary>
    public static async Task SignalAsync(int processId, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Sends <paramref name="signal"/> to it.</summary>
    public Task SignalAsync(string signal) => SignalAsync(_process.Id, signal);

    /// <summary>Waits for it to end; its exit code and stdout.</summary>
    public async Task<(int Exit, string Output)> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, await _output);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails if the process ends first or it never does.</summary>
    public Task WaitUntilAsync(Func<bool> condition, string what, int pollMilliseconds = 20) =>
        Eventually.HoldsAsync(condition, WaitTimeout, () => $"Never {what}:\n{Error}",
            () => _process.HasExited ? $"The command ended before {what}:\n{Error}" : null, pollMilliseconds);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
