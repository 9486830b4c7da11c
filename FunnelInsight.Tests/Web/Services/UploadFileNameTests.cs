namespace FunnelInsight.Tests.Web.Services;

public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("events.csv", "events.csv")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("C:\\Users\\Mona\\Desktop\\طلبات مارس.csv", "طلبات مارس.csv")]
    [InlineData("bad<>:\"|?*name.csv", "badname.csv")]
    [InlineData("line\r\nbreak.csv", "linebreak.csv")]
    [InlineData("\u202Evsc.exe", "vsc.exe")]
    [InlineData(".hidden.csv", "hidden.csv")]
    [InlineData("trailing.csv. . ", "trailing.csv")]
    [InlineData("", null)]
    [InlineData("..", null)]
    [InlineData(null, null)]
    public void A_name_keeps_only_its_last_part_without_control_reserved_or_direction_characters(string? name, string? expected)
    {
        Assert.Equal(expected, UploadFileName.Sanitise(name));
    }

    [Fact]
    public void A_long_name_is_cut_to_120_characters_keeping_its_extension()
    {
        var name = UploadFileName.Sanitise(new string('a', 300) + ".csv");

        Assert.Equal(120, name?.Length);
        Assert.EndsWith("aaa.csv", name, StringComparison.Ordinal);
    }
}
