namespace FunnelInsight.Web.Resources;

/// <summary>The dashboard's UI text: <c>Strings.resx</c> (English) and <c>Strings.ar.resx</c> (Arabic).</summary>
public sealed class Strings;
