using FunnelInsight.Core.Analytics.Friction;
using FunnelInsight.Core.Domain;
using FunnelInsight.Web.Components.UI;
using FunnelInsight.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FunnelInsight.Web.Components.Pages.Reports;

/// <summary>The engine's stable names (stages, sub-steps, leaks, flags) in the page's language.</summary>
public static class ReportText
{
    /// <summary>A stage's name.</summary>
    public static string Stage(IStringLocalizer<ReportStrings> text, FunnelStage stage) => text["Stage_" + stage.ToString().ToLowerInvariant()];

    /// <summary>A funnel step's name: a user-defined step's label (data: Blazor and the charts escape it), or its stage's.</summary>
    public static string Step(IStringLocalizer<ReportStrings> text, FunnelInsight.Core.Analytics.Funnel.FunnelStep step) =>
        step.Defined is { } defined ? Step(text, defined) : Stage(text, step.Stage);

    /// <summary>A user-defined step's name: its stage in the page's language, or its event names; then its narrowings.</summary>
    public static string Step(IStringLocalizer<ReportStrings> text, FunnelInsight.Core.Analytics.Funnel.Defined.FunnelStepDefinition step) =>
        step.Stage is { } stage
            ? Stage(text, stage) + (step.Narrowings.Count == 0 ? "" : " " + step.Label[step.Label.IndexOf('(', StringComparison.Ordinal)..])
            : step.Label;

    /// <summary>A stage or checkout sub-step by its engine name (<c>cart</c>, <c>shipping_info</c>, …); unknown names as they are.</summary>
    public static string Step(IStringLocalizer<ReportStrings> text, string? name) =>
        name is null ? "" : text["Stage_" + name] is { ResourceNotFound: false } found ? found : name;

    /// <summary>
    /// A part (<c>Title</c>, <c>Evidence</c>, <c>Remedy</c>) of a friction flag: the engine words its flags in English,
    /// other languages take the text by the flag's key.
    /// </summary>
    public static string Flag(IStringLocalizer<ReportStrings> text, string key, string part, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en" && text[$"Flag_{key}_{part}"] is { ResourceNotFound: false } found
            ? found
            : english;

    /// <summary>Who published a reference figure, in the page's language, set apart from the sentence it sits in.</summary>
    public static string Source(IStringLocalizer<ReportStrings> text, ReferenceFigure reference) =>
        Bidi.Isolate(text["Source_" + reference.Key] is { ResourceNotFound: false } found ? found : reference.Source);

    /// <summary>A leak by its key, or as "from → to" for a transition between tracked stages that has no name of its own.</summary>
    public static string Leak(IStringLocalizer<ReportStrings> text, Core.Analytics.Leaks.Leak leak) =>
        text["Leak_" + leak.Key] is { ResourceNotFound: false } found ? found : $"{Step(text, leak.From)} → {Step(text, leak.To)}";

    /// <summary>A leak by its key.</summary>
    public static string Leak(IStringLocalizer<ReportStrings> text, string key) =>
        text["Leak_" + key] is { ResourceNotFound: false } found ? found : key;
}
