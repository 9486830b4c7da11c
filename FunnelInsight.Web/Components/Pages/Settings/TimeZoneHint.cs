using FunnelInsight.Web.Components.UI;
using FunnelInsight.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FunnelInsight.Web.Components.Pages.Settings;

/// <summary>
/// The hint under the Settings page's time-zone field: the zones offered from the store's order offsets, the first
/// <see cref="Listed"/> by name and the rest counted ("and 5 more"), or the general hint when none is offered.
/// </summary>
public static class TimeZoneHint
{
    /// <summary>How many offered zones the hint names before it counts the rest.</summary>
    public const int Listed = 8;

    /// <summary>The hint for <paramref name="offered"/> in the current UI language.</summary>
    public static string Of(IStringLocalizer<Strings> localizer, IReadOnlyList<string> offered)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(offered);
        if (offered.Count == 0)
        {
            return localizer["TimeZoneHint"];
        }

        var named = string.Join(", ", offered.Take(Listed));
        return offered.Count > Listed
            ? localizer["TimeZoneOfferedMore", named, Format.Count(offered.Count - Listed)]
            : localizer["TimeZoneOffered", named];
    }
}
