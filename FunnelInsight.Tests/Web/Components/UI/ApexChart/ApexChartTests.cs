using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Chart = FunnelInsight.Web.Components.UI.ApexChart.ApexChart;

namespace FunnelInsight.Tests.Web.Components.UI.ApexChart;

public class ApexChartTests : BunitContext
{
    private readonly BunitJSModuleInterop _module;

    public ApexChartTests()
    {
        Services.AddLocalization(); // every component of the app can reach the UI text
        _module = JSInterop.SetupModule(Chart.ModulePath);
        _module.SetupModule("create", _ => true);
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    [Fact]
    public void First_render_creates_the_chart_with_the_options_given()
    {
        var options = new { chart = new { type = "bar" }, series = new[] { new { data = new[] { 100, 40 } } } };

        Render<Chart>(p => p.Add(c => c.Options, options));

        var create = Assert.Single(_module.Invocations["create"]);
        Assert.Same(options, create.Arguments[1]);
        Assert.Empty(_module.Invocations["update"]);
    }

    [Fact]
    public void New_options_update_the_chart_and_the_same_options_do_not()
    {
        var first = new { series = new[] { 1, 2 } };
        var second = new { series = new[] { 3, 4, 5 } };
        var chart = Render<Chart>(p => p.Add(c => c.Options, first));

        chart.Render(p => p.Add(c => c.Options, first));
        chart.Render(p => p.Add(c => c.Options, second));

        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Same(second, update.Arguments[1]);
    }

    [Fact]
    public async Task Disposing_the_component_destroys_its_chart()
    {
        var chart = Render<Chart>(p => p.Add(c => c.Options, new { series = Array.Empty<int>() }));

        await chart.Instance.DisposeAsync();

        var destroy = Assert.Single(_module.Invocations["destroy"]);
        Assert.Single(destroy.Arguments);
    }
}
