using FunnelInsight.Core.Stores;

namespace FunnelInsight.Core.Analytics.Sessions;

/// <summary>What of a store's settings the reports read with each query (the settings themselves are <see cref="Stores.StoreSettings"/>).</summary>
/// <param name="DataVersion">Bumped by every import.</param>
/// <param name="ConversionWindowHours">Default visitor-scope window.</param>
/// <param name="Clock">The store's time zone.</param>
/// <param name="ChosenCurrency">The currency the Owner chose; null for the one the orders carry.</param>
internal sealed record ReportSettings(long DataVersion, int ConversionWindowHours, StoreClock Clock, string? ChosenCurrency);
