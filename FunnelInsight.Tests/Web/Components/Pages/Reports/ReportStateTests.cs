using FunnelInsight.Web.Components.Pages.Reports;
using Microsoft.AspNetCore.Components;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports;

public sealed class ReportStateTests : ReportComponentTest
{
    private IRenderedComponent<ReportState<int>> Show(Func<CancellationToken, Task<int>> load, object key) =>
        Render<ReportState<int>>(p => p
            .Add(c => c.StoreId, 7)
            .Add(c => c.Key, key)
            .Add(c => c.Load, load)
            .Add(c => c.IsEmpty, n => n == 0)
            .Add(c => c.EmptyText, "Upload an event export first.")
            .Add(c => c.ChildContent, (RenderFragment<int>)(n => b => b.AddMarkupContent(0, $"<p class=\"data\">{n}</p>"))));

    [Fact]
    public void While_the_report_loads_a_skeleton_stands_in()
    {
        var view = Show(_ => new TaskCompletionSource<int>().Task, "q");

        Assert.Single(view.FindAll(".fi-report-loading"));
        Assert.Empty(view.FindAll(".data"));
    }

    [Fact]
    public void An_empty_report_says_what_to_upload_with_a_button_to_the_imports_page()
    {
        var view = Show(_ => Task.FromResult(0), "q");

        Assert.Contains("Upload an event export first.", view.Find(".fi-report-empty").TextContent, StringComparison.Ordinal);
        Assert.Equal("/stores/7/imports", view.Find(".fi-report-empty a").GetAttribute("href"));
    }

    [Fact]
    public void A_failing_report_shows_the_error_and_tries_again_on_request()
    {
        var calls = 0;
        var view = Show(_ => ++calls == 1 ? throw new InvalidOperationException("disk gone") : Task.FromResult(42), "q");

        Assert.Contains("This report could not be computed.", view.Find(".fi-report-error").TextContent, StringComparison.Ordinal);
        view.Find(".fi-report-error button").Click();

        Assert.Equal("42", view.Find(".data").TextContent);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_new_key_loads_again_and_the_same_key_does_not()
    {
        var calls = 0;
        var view = Show(_ => Task.FromResult(++calls), "first");

        view.Render(p => p.Add(c => c.Key, "first"));
        view.Render(p => p.Add(c => c.Key, "second"));

        Assert.Equal("2", view.Find(".data").TextContent);
    }
}
