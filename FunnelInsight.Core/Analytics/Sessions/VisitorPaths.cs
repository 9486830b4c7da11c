namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>Per session (in <see cref="SessionTable"/> order): its visitor number and its stage path.</summary>
/// <param name="Visitor">Visitor number of each session, 0 … <paramref name="VisitorCount"/> − 1.</param>
/// <param name="VisitorCount">Distinct visitors.</param>
/// <param name="Paths">Each session's <c>StagePath</c> bytes.</param>
internal sealed record VisitorPaths(int[] Visitor, int VisitorCount, byte[][] Paths);
