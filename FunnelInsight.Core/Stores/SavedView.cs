namespace FunnelInsight.Core.Stores;

/// <summary>A report view a store keeps under a name: the page and the query of its link.</summary>
/// <param name="Id">Its key.</param>
/// <param name="Name">Its name (unique in the store without case; untrusted text: escape it when drawing).</param>
/// <param name="Page">The report page, one of <see cref="SavedViews.Pages"/>.</param>
/// <param name="Query">The link's query, with its leading <c>?</c>, or empty.</param>
/// <param name="SavedBy">The account that saved it.</param>
/// <param name="SavedUtc">When it was saved.</param>
public sealed record SavedView(int Id, string Name, string Page, string Query, string SavedBy, DateTime SavedUtc)
{
    /// <summary>The view's address in the dashboard, <c>/stores/{id}/{page}?{query}</c>.</summary>
    public string Link(int storeId) => $"/stores/{storeId}/{Page}{Query}";
}
