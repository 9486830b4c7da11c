using System.Diagnostics;
using System.Net.Sockets;
using FunnelInsight.Core.Storage;
using FunnelInsight.Web.Instance;

namespace FunnelInsight.Web.Cli.Dashboard;

/// <summary>
/// Finds the dashboard running on the command line's database, from the instance file it writes beside it. A file a
/// killed dashboard left behind is ignored: its process is gone, or nothing accepts a connection at its address.
/// </summary>
internal static class RunningDashboard
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The running dashboard of <paramref name="database"/>, or null when none runs.</summary>
    public static async Task<DashboardInstance?> FindAsync(FunnelDatabase database, CancellationToken cancellationToken)
    {
        if (DashboardInstance.Read(DashboardInstance.PathOf(database)) is not { } instance || !IsAlive(instance.ProcessId))
        {
            return null;
        }

        return await AcceptsAsync(instance.Url, cancellationToken) ? instance : null;
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // A process id can be reused by another program: only a listener at the dashboard's address counts.
    private static async Task<bool> AcceptsAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(url.Host, url.Port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
