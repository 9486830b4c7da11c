namespace FunnelInsight.Benchmarks;

/// <summary>The two engines (or two runs of one) gave different answers: the benchmark's figures mean nothing.</summary>
internal sealed class EnginesDisagreeException(string message) : Exception(message);
