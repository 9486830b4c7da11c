using System.Globalization;

namespace FunnelInsight.Web.Services;

/// <summary>The languages the dashboard speaks.</summary>
public static class DashboardCultures
{
    /// <summary>The language used when none is chosen.</summary>
    public const string Default = "en";

    /// <summary>Every supported culture name.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Default, "ar"];

    /// <summary>True when the current UI language is written right to left.</summary>
    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
}
