using System.Globalization;
using System.Text;
using System.Text.Json;
using FunnelInsight.Core.Stores;

namespace FunnelInsight.Web.Reports;

/// <summary>
/// PLACEHOLDER, to be replaced at merge by the exporter over Core's report writers: for any report kind it
/// writes only the store's event, order and session counts, as JSON or CSV (no XLSX). It exists so that the
/// export endpoints and their membership checks can be built and tested before the analytics reports land.
/// </summary>
public sealed class StoreCountsReportExporter(StoreCatalog stores) : IReportExporter
{
    /// <inheritdoc />
    public bool CanWrite(string kind, string format) => format is "json" or "csv";

    /// <inheritdoc />
    public async Task WriteAsync(int storeId, string kind, string format, IQueryCollection query, Stream output, CancellationToken cancellationToken)
    {
        var store = (await stores.ListAsync(cancellationToken)).Single(s => s.Id == storeId);
        if (format == "json")
        {
            await JsonSerializer.SerializeAsync(output, new { store = store.Name, kind, events = store.Events, orders = store.Orders, sessions = store.Sessions },
                cancellationToken: cancellationToken);
            return;
        }

        var csv = string.Create(CultureInfo.InvariantCulture, $"metric,value\nevents,{store.Events}\norders,{store.Orders}\nsessions,{store.Sessions}\n");
        await output.WriteAsync(Encoding.UTF8.GetBytes(csv), cancellationToken);
    }
}
