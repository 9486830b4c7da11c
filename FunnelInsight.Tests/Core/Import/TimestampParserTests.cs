namespace FunnelInsight.Tests.Core.Import;

public class TimestampParserTests
{
    private static long Us(int y, int mo, int d, int h, int mi, int s) =>
        UtcTime.ToMicros(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc));

    [Theory]
    [InlineData("2019-10-01 00:00:00 UTC", 2019, 10, 1, 0, 0, 0)]
    [InlineData("2024-03-01T10:15:30Z", 2024, 3, 1, 10, 15, 30)]
    [InlineData("2024-03-01 10:15:30", 2024, 3, 1, 10, 15, 30)]
    [InlineData("2024-03-01 10:15:30 -0500", 2024, 3, 1, 15, 15, 30)]
    [InlineData("2024-03-01T12:15:30+02:00", 2024, 3, 1, 10, 15, 30)]
    [InlineData("12/1/2010 8:26", 2010, 12, 1, 8, 26, 0)]
    public void Text_times_are_read_as_utc(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(TimestampParser.TryParse(Encoding.UTF8.GetBytes(text), TimeStyle.Auto, out var us));
        Assert.Equal(Us(y, mo, d, h, mi, s), us);
    }

    [Fact]
    public void Fractional_seconds_are_kept_to_the_microsecond()
    {
        Assert.True(TimestampParser.TryParse("2024-03-01T10:15:30.123456Z"u8, TimeStyle.Auto, out var us));
        Assert.Equal(Us(2024, 3, 1, 10, 15, 30) + 123_456, us);
    }

    [Theory]
    [InlineData("1709288130", TimeStyle.Auto)]
    [InlineData("1709288130000", TimeStyle.UnixMilliseconds)]
    [InlineData("1709288130000", TimeStyle.Auto)]
    [InlineData("1709288130000000", TimeStyle.UnixMicroseconds)]
    public void Epoch_numbers_are_read_in_their_unit(string text, TimeStyle style)
    {
        Assert.True(TimestampParser.TryParse(Encoding.UTF8.GetBytes(text), style, out var us));
        Assert.Equal(Us(2024, 3, 1, 10, 15, 30), us);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01 00:00:00")]
    [InlineData("2024-02-30 00:00:00")]
    [InlineData("2024-03-01 25:00:00")]
    public void Nonsense_is_refused(string text)
    {
        Assert.False(TimestampParser.TryParse(Encoding.UTF8.GetBytes(text), TimeStyle.Auto, out _));
    }
}
