using FunnelInsight.Core.Analytics;
using FunnelInsight.Web.Services.Reports;
using Microsoft.AspNetCore.Components;

namespace FunnelInsight.Web.Components.Pages.Reports;

/// <summary>
/// A store report page: the store from the route, the filters from the URL query, so every view is a link that
/// can be shared. Pages inherit it and ask the engine for <see cref="Query"/>.
/// </summary>
public abstract class ReportPage : ComponentBase
{
    /// <summary>The store, from the URL.</summary>
    [Parameter]
    public int StoreId { get; set; }

    /// <summary>First day, <c>yyyy-MM-dd</c>.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>Last day, <c>yyyy-MM-dd</c>.</summary>
    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>Device filter.</summary>
    [SupplyParameterFromQuery(Name = "device")]
    public string? Device { get; set; }

    /// <summary>Channel filter.</summary>
    [SupplyParameterFromQuery(Name = "channel")]
    public string? Channel { get; set; }

    /// <summary>Country filter.</summary>
    [SupplyParameterFromQuery(Name = "country")]
    public string? Country { get; set; }

    /// <summary>Breakdown dimension.</summary>
    [SupplyParameterFromQuery(Name = "breakdown")]
    public string? Breakdown { get; set; }

    /// <summary>ordered or open.</summary>
    [SupplyParameterFromQuery(Name = "mode")]
    public string? Mode { get; set; }

    /// <summary>session or visitor.</summary>
    [SupplyParameterFromQuery(Name = "scope")]
    public string? Scope { get; set; }

    /// <summary>Visitor conversion window in hours.</summary>
    [SupplyParameterFromQuery(Name = "window")]
    public string? Window { get; set; }

    /// <summary>daily or weekly.</summary>
    [SupplyParameterFromQuery(Name = "trend")]
    public string? Trend { get; set; }

    /// <summary>The engine's question for this view, from the URL, with the default range when the URL names none.</summary>
    protected FunnelQuery Query { get; private set; } = new(0);

    /// <summary>True when the URL names no range and the page covers its default one (shown so in the filter bar).</summary>
    protected bool UsesDefaultRange { get; private set; }

    /// <summary>
    /// The range this page covers when its link names none (a <see cref="DateRangePreset"/> key): the last four weeks
    /// with data on every session report, so the overview's comparison and the other pages agree; null for all the data.
    /// </summary>
    protected virtual string? DefaultRange => DateRangePreset.DefaultKey;

    [Inject]
    private IFunnelAnalytics Span { get; set; } = default!;

    /// <summary>
    /// Reads the question before the page's lifecycle runs, so the page renders and loads once, with the default
    /// range already in its query (and so in its exports and links), never first over all time.
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        var values = new Dictionary<string, string?>
        {
            ["from"] = From,
            ["to"] = To,
            ["device"] = Device,
            ["channel"] = Channel,
            ["country"] = Country,
            ["breakdown"] = Breakdown,
            ["mode"] = Mode,
            ["scope"] = Scope,
            ["window"] = Window,
            ["trend"] = Trend,
        };
        var query = ReportQueryString.Parse(StoreId, key => values[key]);
        UsesDefaultRange = query.From is null && query.To is null;
        Query = UsesDefaultRange && DefaultRange is { } range
            ? DateRangePreset.WithDefaultRange(query, range, await Span.DimensionsAsync(StoreId))
            : query;
        await base.SetParametersAsync(ParameterView.Empty);
    }
}
