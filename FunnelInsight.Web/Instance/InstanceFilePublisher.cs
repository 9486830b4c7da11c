using FunnelInsight.Core.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FunnelInsight.Web.Instance;

/// <summary>
/// Writes the instance file (<see cref="DashboardInstance"/>) once the dashboard answers, and removes it when the
/// dashboard stops cleanly. A dashboard killed outright leaves it behind: the command line sees that its process is
/// gone, or that nothing answers at its address, and opens the files itself.
/// </summary>
internal sealed partial class InstanceFilePublisher(
    IServer server, IHostApplicationLifetime lifetime, FunnelDatabase database, OperatorCredential credential, ILogger<InstanceFilePublisher> logger) : IHostedService
{
    private DashboardInstance? _written;

    /// <summary>The instance file's path.</summary>
    private string FilePath => DashboardInstance.PathOf(database);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Publish);
        // Removed as the stop begins, so a command started during the shutdown does not send its work to a dashboard that is going.
        lifetime.ApplicationStopping.Register(Remove);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Remove();
        return Task.CompletedTask;
    }

    private void Publish()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (LocalAddress(addresses) is not { } url)
        {
            LogNoAddress(logger, string.Join(", ", addresses));
            return;
        }

        var instance = new DashboardInstance(url, Environment.ProcessId, credential.Token, DateTime.UtcNow);
        try
        {
            instance.Write(FilePath);
            _written = instance;
            LogPublished(logger, FilePath, url);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(logger, ex, FilePath);
        }
    }

    private void Remove()
    {
        try
        {
            _written?.RemoveIfOurs(FilePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(logger, ex, FilePath);
        }

        _written = null;
    }

    /// <summary>
    /// The address the command line on this machine reaches the dashboard at: plain HTTP preferred (a certificate names a
    /// host, not 127.0.0.1), a wildcard binding (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>) or <c>localhost</c> read as loopback.
    /// </summary>
    internal static Uri? LocalAddress(IEnumerable<string> addresses)
    {
        var candidates = addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ThenBy(u => IsLoopbackHost(u.Host) ? 0 : 1)
            .ToList();
        if (candidates is not [var best, ..])
        {
            return null;
        }

        var host = best.Host is "0.0.0.0" or "[::]" or "localhost" ? "127.0.0.1" : best.Host;
        return new UriBuilder(best.Scheme, host, best.Port, "/").Uri;
    }

    private static bool IsLoopbackHost(string host) => host is "localhost" or "127.0.0.1" or "[::1]";

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance file {Path} written: the command line on this machine works through {Url}")]
    private static partial void LogPublished(ILogger logger, string path, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The instance file {Path} could not be written or removed; the command line will not find this dashboard")]
    private static partial void LogNotWritten(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No address to tell the command line ({Addresses}); it will not find this dashboard")]
    private static partial void LogNoAddress(ILogger logger, string addresses);
}
