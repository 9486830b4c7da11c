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
            Secondary = "#00897b",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Tahoma", "Arial", "sans-serif"],
            },
        },
    };
}
