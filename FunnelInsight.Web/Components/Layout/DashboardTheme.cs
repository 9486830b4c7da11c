using MudBlazor;

namespace FunnelInsight.Web.Components.Layout;

/// <summary>The dashboard's colours and type.</summary>
public static class DashboardTheme
{
    /// <summary>The theme every page uses.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00695c",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",

            // Darker than MudBlazor's defaults so that captions and alert text keep a contrast of at least 4.5:1 on
            // the page's background (WCAG AA, which the accessibility scan checks).
            TextSecondary = "rgba(0,0,0,0.68)",
            Info = "#0d5fa8",
            Success = "#2e7d32",
            Warning = "#9a5b00",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Tahoma", "Arial", "sans-serif"],
            },

            // Buttons and toggles show their label as written: MudBlazor's upper-casing turns "CSV's filters" into
            // "CSV'S FILTERS" and would do the same to a unit ("ms", "p90"); Arabic has no case to gain from it.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
