using FunnelInsight.Web.Components.Pages.Importing;

namespace FunnelInsight.Tests.Web.Components.Pages.Importing;

public sealed class ImportProgressPanelTests : DashboardComponentContext
{
    [Fact]
    public void While_reading_the_bar_shows_the_share_of_bytes_and_the_text_the_bytes_and_rows()
    {
        var panel = Render<ImportProgressPanel>(p => p
            .Add(c => c.FileName, "big.csv")
            .Add(c => c.Progress, new ImportProgress(ImportPhase.Reading, 3 * 1024 * 1024, 12 * 1024 * 1024, 123_456)));

        Assert.Equal("25", panel.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        var text = panel.Find(".fi-import-progress").TextContent;
        Assert.Contains("Importing big.csv…", text, StringComparison.Ordinal);
        Assert.Contains("3 MB of 12 MB", text, StringComparison.Ordinal);
        Assert.Contains("123,456 rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Building_sessions_says_so()
    {
        var panel = Render<ImportProgressPanel>(p => p
            .Add(c => c.Progress, new ImportProgress(ImportPhase.BuildingRollups, 2048, 2048, 40)));

        Assert.Contains("Building sessions", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_for_another_import_says_so_with_a_moving_bar()
    {
        var panel = Render<ImportProgressPanel>(p => p
            .Add(c => c.FileName, "second.csv")
            .Add(c => c.Progress, new ImportProgress(ImportPhase.Waiting, 0, 2048, 0)));

        Assert.Contains("Waiting for another import to finish…", panel.Find(".fi-import-progress").TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-progress-indeterminate", panel.Markup, StringComparison.Ordinal);
        Assert.Single(panel.FindAll("button"));
    }

    [Fact]
    public void The_stop_button_raises_cancel()
    {
        var cancelled = 0;
        var panel = Render<ImportProgressPanel>(p => p.Add(c => c.Cancel, () => cancelled++));

        panel.Find("button").Click();

        Assert.Equal(1, cancelled);
    }
}
