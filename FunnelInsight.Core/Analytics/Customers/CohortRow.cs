using FunnelInsight.Core.Analytics.Statistics;

namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>The customers whose first order fell in one month, and the share of them ordering in each later month.</summary>
/// <param name="Cohort">The month of the first order, <c>yyyy-MM</c>.</param>
/// <param name="Customers">Customers in the cohort.</param>
/// <param name="Retention">Index m: share of the cohort with an order m months after the cohort month (m = 0 is 1).</param>
public sealed record CohortRow(string Cohort, long Customers, IReadOnlyList<Proportion> Retention);
