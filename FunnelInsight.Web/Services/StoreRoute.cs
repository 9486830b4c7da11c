using System.Text.RegularExpressions;

namespace FunnelInsight.Web.Services;

/// <summary>The store-scoped URLs of the dashboard: <c>/stores/{id}/{page}</c>.</summary>
public static partial class StoreRoute
{
    /// <summary>The page a store opens on.</summary>
    public const string DefaultPage = "overview";

    /// <summary>The URL of <paramref name="page"/> of store <paramref name="storeId"/>.</summary>
    public static string Page(int storeId, string page = DefaultPage) => $"/stores/{storeId}/{page}";

    /// <summary>The page of one session of store <paramref name="storeId"/>: its events in order.</summary>
    public static string Session(int storeId, string sessionKey) => $"/stores/{storeId}/session?key={Uri.EscapeDataString(sessionKey)}";

    /// <summary>The store id in a URL or path, or null when it is not store-scoped.</summary>
    public static int? StoreId(string uri) =>
        Pattern().Match(uri) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, out var id) ? id : null;

    /// <summary>The same page of another store (the query is kept), or that store's default page.</summary>
    public static string SwitchStore(string path, int storeId)
    {
        var match = Pattern().Match(path);
        return match.Success ? $"/stores/{storeId}{path[(match.Index + match.Length)..]}" : Page(storeId);
    }

    [GeneratedRegex(@"/stores/(\d+)(?=/|$|\?)")]
    private static partial Regex Pattern();
}
