namespace FunnelInsight.Web.Resources;

/// <summary>The report pages' text: <c>ReportStrings.resx</c> (English) and <c>ReportStrings.ar.resx</c> (Arabic).</summary>
public sealed class ReportStrings;
