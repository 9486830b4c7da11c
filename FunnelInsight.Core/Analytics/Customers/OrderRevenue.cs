namespace FunnelInsight.Core.Analytics.Customers;

/// <summary>
/// What a store's orders are worth in its currency: gross (totals charged), refunds, net (gross less refunds), the
/// amount still outstanding, and the average order value (net over the orders that count). Cancelled, voided and
/// failed orders are worth nothing; orders in another currency are never added in, only counted by currency.
/// </summary>
/// <param name="Currency">The store's currency, the one the amounts are in.</param>
/// <param name="Gross">Totals of the orders in the store's currency that are not cancelled (fully refunded ones included).</param>
/// <param name="Refunds">What was refunded of those orders.</param>
/// <param name="Outstanding">What is still to be paid of those orders (pending, authorized, partially paid, cash on delivery).</param>
/// <param name="UnpaidOrders">Orders with an outstanding amount.</param>
/// <param name="ValuedOrders">Orders in the store's currency that are neither cancelled nor fully refunded: the AOV's denominator.</param>
/// <param name="OtherCurrencies">Orders (not cancelled) in each other currency, left out of every amount, by currency code.</param>
public sealed record OrderRevenue(
    string Currency,
    double Gross,
    double Refunds,
    double Outstanding,
    long UnpaidOrders,
    long ValuedOrders,
    IReadOnlyList<CurrencyOrders> OtherCurrencies)
{
    /// <summary>Gross less refunds: the revenue every figure uses, to the currency's minor unit.</summary>
    public double Net => Domain.CurrencyMinorUnit.Round(Gross - Refunds, Currency);

    /// <summary>Net / valued orders; 0 without any.</summary>
    public double AverageOrderValue => OrderValue.AverageOrderValue.OfOrders(Net, ValuedOrders);

    /// <summary>What the amounts leave out, in a sentence ("12 orders in EUR are not in these figures."); null when nothing.</summary>
    public string? OtherCurrenciesNote => OtherCurrencies.Count == 0 ? null
        : string.Join(", ", OtherCurrencies.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Orders} order{(c.Orders == 1 ? "" : "s")} in {c.Currency}")))
            + (OtherCurrencies.Sum(c => c.Orders) == 1 ? " is" : " are") + " not in these figures.";

    internal static OrderRevenue Of(IEnumerable<OrderFact> orders, string currency)
    {
        // Added in decimal: a sum of many doubles drifts off the cents its amounts were written in.
        decimal gross = 0, refunds = 0, outstanding = 0;
        long unpaid = 0, valued = 0;
        var others = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            if (order.Cancelled)
            {
                continue;
            }

            if (order.Currency is { } code && !code.Equals(currency, StringComparison.OrdinalIgnoreCase))
            {
                others[code] = others.GetValueOrDefault(code) + 1;
                continue;
            }

            gross += Exact(order.Total);
            refunds += Exact(order.Refunded);
            outstanding += Exact(order.Outstanding);
            unpaid += order.Outstanding > 0 ? 1 : 0;
            valued += order.FullyRefunded ? 0 : 1;
        }

        return new OrderRevenue(currency, Amount(gross, currency), Amount(refunds, currency), Amount(outstanding, currency), unpaid, valued,
            others.Select(pair => new CurrencyOrders(pair.Key, pair.Value)).ToList());
    }

    // An order's stored amount as the decimal it was written as (a double keeps 15 significant digits of it).
    private static decimal Exact(double amount) => double.IsFinite(amount) && Math.Abs(amount) < 1e15 ? (decimal)amount : 0;

    private static double Amount(decimal sum, string currency) => Domain.CurrencyMinorUnit.Round(sum, currency);
}

/// <summary>Orders in a currency other than the store's, which no amount includes.</summary>
/// <param name="Currency">ISO 4217 code as exported.</param>
/// <param name="Orders">How many orders (not cancelled) carry it.</param>
public sealed record CurrencyOrders(string Currency, long Orders);
