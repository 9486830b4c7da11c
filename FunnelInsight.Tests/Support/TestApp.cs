using System.Diagnostics;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// The real dashboard (FunnelInsight.Web.dll) as its own process, on a test's database, with the demo off, listening
/// on a loopback port the OS hands it (it binds port 0 and prints the address it got): for the tests where the process
/// itself is under test (signals, kills, start-up) and the browser tests. <see cref="ChildProcess"/> starts the same
/// program as the command line tool.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const string ListeningLine = "Now listening on: ";
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestApp(Process process)
    {
        _process = process;
    }

    /// <summary>The app's base address, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>What the app wrote to stdout and stderr so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the app on <paramref name="database"/> and waits until it answers.</summary>
    public static async Task<TestApp> StartAsync(TempDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = Start(database, settings, "--urls", "http://127.0.0.1:0");
        start.RedirectStandardInput = false;
        // The host's "Now listening on: …" line is how the app says which port the OS gave it.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var app = new TestApp(Process.Start(start)!);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync();
        }
        catch
        {
            // A dashboard that did not come up must not outlive the test that started it.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>A client for the app that keeps cookies and does not follow redirects (so tests see them).</summary>
    public HttpClient Client() => InProcessApp.ClientFor(Address);

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

    // The Web project's own build output (next to this test project's): it has the static asset manifests and the
    // npm-built chart library, which a copy in the test output folder lacks.
    private static string WebDll { get; } = Path.Combine(AppContext.BaseDirectory.Replace(
        $"{Path.DirectorySeparatorChar}FunnelInsight.Tests{Path.DirectorySeparatorChar}",
        $"{Path.DirectorySeparatorChar}FunnelInsight.Web{Path.DirectorySeparatorChar}",
        StringComparison.Ordinal), "FunnelInsight.Web.dll");

    /// <summary>The id of the app's process (to send it a signal).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Sends the app <paramref name="signal"/> (<c>TERM</c>, <c>KILL</c>…) and waits until it has exited; its exit code.</summary>
    public async Task<int> SignalAndWaitAsync(string signal)
    {
        await ChildProcess.SignalAsync(_process.Id, signal);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>How the dashboard or a command line verb is started on <paramref name="database"/> with <paramref name="settings"/> as environment.</summary>
    internal static ProcessStartInfo Start(TempDatabase database, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = database.Folder,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in database.AppSettings)
        {
            start.Environment[key] = value;
        }

        start.Environment["Demo__Enabled"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using (var timeout = new CancellationTokenSource(StartTimeout))
        {
            var listening = _listening.Task.WaitAsync(timeout.Token);
            var exited = _process.WaitForExitAsync(timeout.Token);
            try
            {
                if (await Task.WhenAny(listening, exited) != listening)
                {
                    throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
                }

                Address = await listening;
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The app did not say where it listens within {StartTimeout.TotalSeconds} s:\n{Log}");
            }
        }

        // The first page is rendered cold (JIT, the EF model): on a loaded machine one answer can take many seconds,
        // so each try may take as long as the whole start may.
        using var client = new HttpClient { BaseAddress = Address, Timeout = StartTimeout };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("account/login", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
                // Listening, but the answer did not come in time: ask again while the start may still take.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not answer within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            if (line.IndexOf(ListeningLine, StringComparison.Ordinal) is >= 0 and var at)
            {
                _listening.TrySetResult(new Uri(line[(at + ListeningLine.Length)..].Trim().TrimEnd('/') + "/"));
            }

            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
