using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
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
    public async Task Options_that_change_while_the_chart_is_being_created_are_drawn_once_it_exists()
    {
        var browser = new SlowChartBrowser();
        Services.AddSingleton<IJSRuntime>(browser);
        var loading = new { series = Array.Empty<int>() };
        var loaded = new { series = new[] { 6, 6, 4 } };
        var chart = Render<Chart>(p => p.Add(c => c.Options, loading));

        chart.Render(p => p.Add(c => c.Options, loaded));
        Assert.Same(loading, browser.CreatedWith);
        Assert.Empty(browser.Updates);
        browser.Created.SetResult(browser);

        Assert.Same(loaded, await browser.Updated.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(browser.Updates);
    }

    [Fact]
    public async Task Disposing_the_component_destroys_its_chart()
    {
        var chart = Render<Chart>(p => p.Add(c => c.Options, new { series = Array.Empty<int>() }));

        await chart.Instance.DisposeAsync();

        var destroy = Assert.Single(_module.Invocations["destroy"]);
        Assert.Single(destroy.Arguments);
    }

    /// <summary>
    /// A browser whose chart takes its time to be created: the module loads at once, <c>create</c> answers when
    /// the test says, and every <c>update</c> is recorded. It stands for the module, its chart and the runtime.
    /// </summary>
    private sealed class SlowChartBrowser : IJSRuntime, IJSObjectReference
    {
        public TaskCompletionSource<IJSObjectReference> Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public object? CreatedWith { get; private set; }

        public List<object?> Updates { get; } = [];

        public TaskCompletionSource<object?> Updated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => identifier switch
        {
            "import" => ValueTask.FromResult((TValue)(object)this),
            "create" => new ValueTask<TValue>(Create(args).ContinueWith(t => (TValue)t.Result, TaskScheduler.Default)),
            "update" => Record(args, default(TValue)!),
            _ => ValueTask.FromResult(default(TValue)!),
        };

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private Task<IJSObjectReference> Create(object?[]? args)
        {
            CreatedWith = args?[1];
            return Created.Task;
        }

        private ValueTask<TValue> Record<TValue>(object?[]? args, TValue result)
        {
            Updates.Add(args?[1]);
            Updated.TrySetResult(args?[1]);
            return ValueTask.FromResult(result);
        }
    }
}
