using FunnelInsight.Core.Domain;
using FunnelInsight.Web.Resources;
using FunnelInsight.Web.Services.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using MudBlazor;

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

    /// <summary>daily, weekly, monthly or automatic (the interval the range's length picks).</summary>
    [SupplyParameterFromQuery(Name = "trend")]
    public string? Trend { get; set; }

    /// <summary>The preset the range was chosen with (<c>this-year</c>), so the filter bar marks that one among presets of the same days.</summary>
    [SupplyParameterFromQuery(Name = DateRangePreset.QueryKey)]
    public string? Range { get; set; }

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

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReportStrings> Text { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Logging.ILogger<ReportPage> Logger { get; set; } = default!;

    /// <summary>
    /// Reads the question before the page's lifecycle runs, so the page renders and loads once, with the default
    /// range already in its query (and so in its exports and links), never first over all time.
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);

        // The whole query of the address, so a misspelt key is seen too, not only the values of the keys bound above.
        var uri = Navigation.ToAbsoluteUri(Navigation.Uri);
        var pairs = QueryHelpers.ParseQuery(uri.Query).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
        var filter = ReportFilters.Parse(StoreId, pairs, PageKeys(GetType()));
        UsesDefaultRange = filter.Query.From is null && filter.Query.To is null;
        // Without the store's dates (its events file busy, say) the page asks over all time, and its report says why it
        // has no answer.
        Query = UsesDefaultRange && DefaultRange is { } range
            && await ReportSideData.ReadAsync(() => Span.DimensionsAsync(StoreId), Logger, "dates", StoreId) is { } span
            ? DateRangePreset.WithDefaultRange(filter.Query, range, span)
            : filter.Query;
        if (!filter.IsValid && RendererInfo.IsInteractive)
        {
            // Said, then dropped from the address, so the link shared next is the view that is shown.
            var dropped = filter.Problems.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Snackbar.Add(Text["FilterDropped", string.Join(", ", filter.Problems.Select(p => $"{p.Key}={p.Value}"))], Severity.Warning,
                options => options.SnackbarTypeClass = "fi-filter-notice");
            var kept = QueryHelpers.ParseQuery(uri.Query).Where(p => !dropped.Contains(p.Key)).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
            Navigation.NavigateTo(QueryHelpers.AddQueryString(uri.GetLeftPart(UriPartial.Path), kept), replace: true);
        }

        await base.SetParametersAsync(ParameterView.Empty);
    }

    // The keys a page binds besides the filters (the funnel page's comparison): its [SupplyParameterFromQuery] properties.
    private static IEnumerable<string> PageKeys(Type page) =>
        page.GetProperties().Select(p => p.GetCustomAttributes(typeof(SupplyParameterFromQueryAttribute), true).OfType<SupplyParameterFromQueryAttribute>().FirstOrDefault() is { } bound
            ? bound.Name ?? p.Name : null).OfType<string>();
}
