namespace FunnelInsight.Core.Import;

/// <summary>How a time column is written.</summary>
public enum TimeStyle
{
    /// <summary>Text (ISO 8601, <c>yyyy-MM-dd HH:mm:ss</c>, optionally with <c>UTC</c>, <c>Z</c> or an offset), or epoch numbers judged by size.</summary>
    Auto,

    /// <summary>Seconds since the Unix epoch.</summary>
    UnixSeconds,

    /// <summary>Milliseconds since the Unix epoch (RetailRocket).</summary>
    UnixMilliseconds,

    /// <summary>Microseconds since the Unix epoch (GA4's BigQuery export).</summary>
    UnixMicroseconds,
}
