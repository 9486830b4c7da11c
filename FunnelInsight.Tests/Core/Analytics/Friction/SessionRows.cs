namespace FunnelInsight.Tests.Core.Analytics.Friction;

/// <summary>Writes many similar sessions as canonical event rows: one event a minute, <c>name:price</c> for priced events.</summary>
internal sealed class SessionRows
{
    private readonly StringBuilder _rows = new();
    private int _sessions;

    /// <summary>Adds <paramref name="count"/> sessions with the same events.</summary>
    public SessionRows Add(int count, string device, int? pageLoadMs, params string[] events)
    {
        for (var n = 0; n < count; n++)
        {
            var session = $"s{_sessions++}";
            for (var i = 0; i < events.Length; i++)
            {
                var parts = events[i].Split(':');
                var time = new DateTime(2024, 3, 4, 8, 0, 0, DateTimeKind.Utc).AddMinutes(_sessions * 10 + i);
                _rows.AppendLine(CultureInfo.InvariantCulture,
                    $"{time:yyyy-MM-ddTHH:mm:ssZ},{parts[0]},{session},,,{(parts.Length > 1 ? parts[1] : "")},,,{device},,,{pageLoadMs}");
            }
        }

        return this;
    }

    public override string ToString() => _rows.ToString();
}
