namespace FunnelInsight.Tests.Support;

/// <summary>The real-shaped export files in <c>FunnelInsight.Tests/Fixtures</c>, copied beside the tests.</summary>
internal static class Fixture
{
    /// <summary>The full path of fixture <paramref name="name"/>.</summary>
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Microseconds since the epoch of a UTC time, as events and orders are stored.</summary>
    public static long Us(int year, int month, int day, int hour, int minute, int second) =>
        (new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;
}
