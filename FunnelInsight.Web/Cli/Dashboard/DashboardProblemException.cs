namespace FunnelInsight.Web.Cli.Dashboard;

/// <summary>An API request the running dashboard refused: its HTTP status and the problem's words (RFC 9457).</summary>
/// <param name="status">The HTTP status.</param>
/// <param name="detail">The problem's detail, or its title when it has none.</param>
/// <param name="errors">A validation problem's messages, by key.</param>
internal sealed class DashboardProblemException(int status, string detail, IReadOnlyDictionary<string, string[]> errors) : Exception(detail)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>A validation problem's messages by key; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
