using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FunnelInsight.Web.Components.UI.ApexChart;

/// <summary>
/// An ApexCharts chart drawn from an options object (serialised as JSON, camelCase, exactly as ApexCharts
/// reads it). The chart is created on first render, updated when <see cref="Options"/> changes, and
/// destroyed with the component.
/// </summary>
public sealed partial class ApexChart : ComponentBase, IAsyncDisposable
{
    /// <summary>The module that wraps ApexCharts.</summary>
    public const string ModulePath = "./js/apexchart.js";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private object? _drawnOptions;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>ApexCharts options (chart, series, xaxis, …). A new object redraws the chart.</summary>
    [Parameter, EditorRequired]
    public object Options { get; set; } = default!;

    /// <summary>CSS classes of the chart's container.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>CSS style of the chart's container.</summary>
    [Parameter]
    public string? Style { get; set; }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            var options = Options;
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _chart = await _module.InvokeAsync<IJSObjectReference>("create", _element, options);
            _drawnOptions = options;
        }

        // Options that arrived while the chart was being created (a render during the awaits above finds no chart
        // yet and draws nothing) are drawn here, and so is every later change.
        while (_module is not null && _chart is not null && !ReferenceEquals(_drawnOptions, Options))
        {
            var options = Options;
            _drawnOptions = options;
            await _module.InvokeVoidAsync("update", _chart, options);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null && _chart is not null)
            {
                await _module.InvokeVoidAsync("destroy", _chart);
            }

            if (_chart is not null)
            {
                await _chart.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone with its chart; there is nothing left to destroy.
        }
    }
}
