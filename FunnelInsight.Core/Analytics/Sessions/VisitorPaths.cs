namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>
/// Per session (in <see cref="SessionTable"/> order): its visitor number and its stage path, kept in one flat buffer
/// (millions of small arrays would make every full garbage collection walk them).
/// </summary>
/// <param name="Visitor">Visitor number of each session, 0 … <paramref name="VisitorCount"/> − 1.</param>
/// <param name="VisitorCount">Distinct visitors.</param>
/// <param name="PathBytes">All sessions' <c>StagePath</c> bytes.</param>
/// <param name="PathStart">Where each session's path starts in <paramref name="PathBytes"/>.</param>
/// <param name="PathLength">Its length in bytes.</param>
internal sealed record VisitorPaths(int[] Visitor, int VisitorCount, byte[] PathBytes, int[] PathStart, int[] PathLength)
{
    /// <summary>The stage path of the session at <paramref name="position"/>.</summary>
    public ReadOnlySpan<byte> Path(int position) => PathBytes.AsSpan(PathStart[position], PathLength[position]);
}
