using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// The real dashboard inside the test process: the host <see cref="FunnelInsight.Web.DashboardApp"/> builds, prepared
/// and started as the program starts it, on Kestrel at a loopback port the OS hands out (port 0, read back from the
/// server), on a test's database with the demo off. For the HTTP tests, where the process itself is not under test;
/// <see cref="TestApp"/> starts the program as its own process where it is.
/// </summary>
public sealed class InProcessApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LogLines _log;

    private InProcessApp(WebApplication app, LogLines log, Uri address)
    {
        _app = app;
        _log = log;
        Address = address;
    }

    /// <summary>The app's base address, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>What the app logged so far at the levels its settings let through (for assertions and failure messages).</summary>
    public string Log => _log.Text;

    /// <summary>
    /// Starts the dashboard on <paramref name="database"/> with <paramref name="settings"/> (named as environment
    /// variables, <c>Section__Key</c>, as for <see cref="TestApp"/>) and returns once it listens.
    /// </summary>
    public static async Task<InProcessApp> StartAsync(TempDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(database.AppSettings)
        {
            ["Demo__Enabled"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var args = all.Select(s => s.Key == "ASPNETCORE_ENVIRONMENT" ? $"--environment={s.Value}" : $"--{s.Key.Replace("__", ":", StringComparison.Ordinal)}={s.Value}")
            .Append("--urls=http://127.0.0.1:0")
            .ToArray();
        var app = FunnelInsight.Web.DashboardApp.Build(args);
        // Added before the app prepares and starts, so it hears what those log, as a console would.
        var log = new LogLines();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        try
        {
            await FunnelInsight.Web.DashboardApp.PrepareAsync(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new InProcessApp(app, log, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A client for the app that keeps cookies and does not follow redirects (so tests see them).</summary>
    public HttpClient Client() => ClientFor(Address);

    /// <summary>A client for the app at <paramref name="address"/> that keeps cookies and does not follow redirects.</summary>
    internal static HttpClient ClientFor(Uri address) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // Every category's lines, in the order logged; the host's filters (Logging:LogLevel) decide which reach it.
    private sealed class LogLines : ILoggerProvider, ILogger
    {
        private readonly List<string> _lines = [];

        public string Text
        {
            get
            {
                lock (_lines)
                {
                    return string.Join(Environment.NewLine, _lines);
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
        }

        public void Dispose()
        {
        }
    }
}
