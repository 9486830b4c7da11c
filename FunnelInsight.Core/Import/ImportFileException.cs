namespace FunnelInsight.Core.Import;

/// <summary>The file as a whole cannot be imported (no header, unknown layout, a required column missing).</summary>
public sealed class ImportFileException(string message) : Exception(message);
