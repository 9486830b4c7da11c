using FunnelInsight.Core.Analytics.Funnel.Defined;
using FunnelInsight.Core.Domain;
using FunnelInsight.Web.Components.UI;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace FunnelInsight.Web.Components.Pages.Reports.Funnel;

/// <summary>The Funnel page's builder of user-defined funnels and its saved-funnel picker.</summary>
public partial class FunnelBuilder
{
    private const string StagePrefix = "stage:";
    private readonly List<FunnelStepDefinition> _steps = [];
    private IReadOnlyList<EventNameCount> _names = [];
    private bool _namesUnavailable;
    private IReadOnlyList<SavedFunnel> _saved = [];
    private FunnelDefinition? _built;
    private string _pick = "";
    private string? _product;
    private int? _window;
    private string? _saveName;
    private string? _chosen;

    /// <summary>The page's question; its <see cref="FunnelQuery.Steps"/> (from the link) is the funnel shown.</summary>
    [Parameter, EditorRequired]
    public FunnelQuery Query { get; set; } = default!;

    /// <summary>The page's store scope: saving and deleting need the Owner role, as the store's settings do.</summary>
    [CascadingParameter]
    public StoreScope? Scope { get; set; }

    [Inject]
    private IFunnelAnalytics Analytics { get; set; } = default!;

    [Inject]
    private SavedFunnels Funnels { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<FunnelBuilder> Logger { get; set; } = default!;

    private bool IsOwner => Scope?.Membership is { Role: StoreRole.Owner };

    private bool CanAdd => _pick.Length > 0 && _steps.Count < FunnelDefinition.MaxSteps;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        // Without the names (the events file busy, say) the builder still offers the stages, and says why it offers no more.
        var names = await ReportSideData.ReadAsync(() => Analytics.EventNamesAsync(Query.StoreId), Logger, "event names", Query.StoreId);
        (_names, _namesUnavailable) = (names ?? [], names is null);
        _saved = await Funnels.ListAsync(Query.StoreId);
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // The link's funnel fills the builder when it changes (a saved funnel opened, a copied link, the back button).
        if (!Equals(Query.Steps, _built))
        {
            _built = Query.Steps;
            _steps.Clear();
            _steps.AddRange(Query.Steps?.Steps ?? []);
            _window = Query.Steps is null ? null : Query.WindowHours;
            _chosen = _saved.FirstOrDefault(s => s.Steps.Equals(Query.Steps) && s.WindowHours == Query.WindowHours)?.Name;
        }
    }

    private static bool IsStage(string? pick) => pick?.StartsWith(StagePrefix, StringComparison.Ordinal) == true;

    // The choices: the five stages, then the store's event names (most sent first), those whose text holds what was typed.
    private IEnumerable<string> Choices() =>
        Enum.GetValues<FunnelStage>().Select(stage => StagePrefix + stage.ToString().ToLowerInvariant()).Concat(_names.Select(n => n.Name));

    private Task<IEnumerable<string>> SearchAsync(string? typed, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(typed)
            ? Choices()
            : Choices().Where(pick => PickText(pick).Contains(typed.Trim(), StringComparison.CurrentCultureIgnoreCase)));

    // A stage by its name in the page's language, an event name as the data spells it with its count.
    private string PickText(string? pick) =>
        string.IsNullOrEmpty(pick) ? ""
        : IsStage(pick) ? ReportText.Stage(R, Enum.Parse<FunnelStage>(pick[StagePrefix.Length..], true))
        : _names.FirstOrDefault(n => n.Name == pick) is { } name ? $"{Bidi.Isolate(name.Name)} ({Format.Count(name.Events)})" : pick;

    private void Pick(string? pick) => _pick = pick ?? "";

    private StepNarrowing[] Narrowings() => string.IsNullOrWhiteSpace(_product) ? [] : [new StepNarrowing(StepField.Product, _product.Trim())];

    private string StepName(FunnelStepDefinition step) => ReportText.Step(R, step);

    private void AddStep()
    {
        _steps.Add(IsStage(_pick)
            ? FunnelDefinitionText.StageStep(Enum.Parse<FunnelStage>(_pick[StagePrefix.Length..], true), Narrowings())
            : FunnelDefinitionText.NamesStep([_pick], Narrowings()));
        _pick = "";
    }

    // The picked name joins the last step as another name that reaches it (a set: add_to_cart or view_cart).
    private void AddAlternative()
    {
        var last = _steps[^1];
        _steps[^1] = FunnelDefinitionText.NamesStep([.. last.Names, _pick], last.Narrowings);
        _pick = "";
    }

    private void Move(int at, int by) => (_steps[at], _steps[at + by]) = (_steps[at + by], _steps[at]);

    private void Show()
    {
        if (FunnelDefinitionText.Of(_steps).Definition is { } definition)
        {
            Go(definition, _window);
        }
    }

    private void ShowStages() => Go(null, null);

    private void Go(FunnelDefinition? steps, int? window) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [ReportFilters.StepsKey] = steps?.Text,
            ["window"] = window?.ToString(CultureInfo.InvariantCulture),
        }));

    private void OpenSaved(string? name)
    {
        _chosen = name;
        if (_saved.FirstOrDefault(s => s.Name == name) is { } saved)
        {
            Go(saved.Steps, saved.WindowHours);
        }
    }

    private async Task SaveAsync()
    {
        // Asked again now: the owner may have lost the role since the page opened.
        if (Query.Steps is not { } steps || Scope is null || !await Scope.AllowsAsync(StoreRole.Owner))
        {
            return;
        }

        var refused = await Funnels.SaveAsync(Query.StoreId, _saveName ?? "", steps, Query.WindowHours, replace: false);
        if (refused is not null)
        {
            Snackbar.Add(R["FunnelNotSaved", refused], Severity.Warning);
            return;
        }

        _saved = await Funnels.ListAsync(Query.StoreId);
        _chosen = _saveName!.Trim();
        _saveName = null;
        Snackbar.Add(R["FunnelSaved", _chosen], Severity.Success, options => options.SnackbarTypeClass = "fi-funnel-saved");
    }

    private async Task DeleteAsync()
    {
        if (_chosen is not { } name || Scope is null || !await Scope.AllowsAsync(StoreRole.Owner))
        {
            return;
        }

        await Funnels.DeleteAsync(Query.StoreId, name);
        _saved = await Funnels.ListAsync(Query.StoreId);
        _chosen = null;
        Snackbar.Add(R["FunnelDeleted", name], Severity.Info);
    }
}
