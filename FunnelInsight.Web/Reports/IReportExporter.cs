namespace FunnelInsight.Web.Reports;

/// <summary>
/// Writes a store's report for the export endpoints. The endpoint has already checked the caller's
/// membership and role; an exporter only writes.
/// </summary>
public interface IReportExporter
{
    /// <summary>True when this exporter can write <paramref name="kind"/> as <paramref name="format"/>.</summary>
    bool CanWrite(string kind, string format);

    /// <summary>
    /// Writes report <paramref name="kind"/> (funnel, leaks, abandonment, customers, friction) of the store in
    /// <paramref name="format"/> (json, csv, xlsx), filtered by the same query parameters as the dashboard page.
    /// </summary>
    Task WriteAsync(int storeId, string kind, string format, IQueryCollection query, Stream output, CancellationToken cancellationToken);
}
