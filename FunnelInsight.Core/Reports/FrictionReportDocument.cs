using FunnelInsight.Core.Analytics.Friction;
using static FunnelInsight.Core.Reports.ReportColumn;
using static FunnelInsight.Core.Reports.ReportValues;

namespace FunnelInsight.Core.Reports;

/// <summary>The friction report: flags with evidence and remedies, and the reference figures beside the merchant's numbers.</summary>
public static class FrictionReportDocument
{
    /// <summary>Builds the document.</summary>
    /// <param name="report">The report.</param>
    /// <param name="currency">The store's currency (ISO 4217): money is rounded to its minor unit; null rounds to cents.</param>
    public static ReportDocument Build(FrictionReport report, string? currency = null)
    {
        var json = new
        {
            query = Query(report.Query),
            flags = report.Flags.Select(f => new
            {
                key = f.Key,
                title = f.Title,
                evidence = f.Evidence,
                figures = f.Figures.ToDictionary(x => x.Name, x => x.IsMoney ? Money(x.Value, currency) : x.Value),
                confidence = Name(f.Confidence),
                sessionsTouched = f.SessionsTouched,
                revenueAtStake = Money(f.RevenueAtStake, currency),
                remedy = f.Remedy,
                reference = f.Reference?.Key,
            }),
            references = report.References.Select(r => new
            {
                key = r.Reference.Key,
                label = r.Reference.Label,
                value = r.Reference.Value,
                source = r.Reference.Source,
                merchant = r.Merchant is { } merchant ? Rate(merchant) : null,
            }),
        };
        ReportTable[] tables =
        [
            new("flags", [Text("key"), Text("title"), Text("confidence"), Count("sessionsTouched"), Money("revenueAtStake"), Text("evidence"), Text("remedy")],
                report.Flags.Select(f => (IReadOnlyList<object?>)
                [
                    f.Key, f.Title, Name(f.Confidence), f.SessionsTouched, Money(f.RevenueAtStake, currency), f.Evidence, f.Remedy,
                ]).ToList()),
            new("references", [Text("key"), Text("label"), Percent("value"), Text("source"), Percent("merchant")],
                report.References.Select(r => (IReadOnlyList<object?>)
                [
                    r.Reference.Key, r.Reference.Label, r.Reference.Value, r.Reference.Source, r.Merchant is { } m ? Rate(m) : null,
                ]).ToList()),
        ];
        return new ReportDocument("friction", json, tables);
    }
}
