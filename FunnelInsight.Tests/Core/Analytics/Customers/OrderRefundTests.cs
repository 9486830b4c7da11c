using FunnelInsight.Core.Analytics.Customers;
using static FunnelInsight.Tests.Support.Fixture;

namespace FunnelInsight.Tests.Core.Analytics.Customers;

/// <summary>
/// Two overlapping Shopify exports of one store. June: #2001 (ana, 100, two lines), #2002 (ben, 80), #2003 (cy, 50,
/// pending: 50 outstanding), #2004 (ana, 60). July, the same orders since: #2001 partly refunded (30), #2002 fully
/// refunded (80), #2003 paid, #2004 unchanged, and a new #2005 (dee, 40).
/// </summary>
public abstract class OrderRefundTests : DatabaseProviderTests
{
    [ProviderFact]
    public async Task The_first_export_counts_an_unpaid_order_with_its_outstanding_amount()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        await db.ImportAsync(ImportKind.Orders, Path("shopify-refunds-june.csv"));

        var report = await CustomersAsync(db);

        // Gross 100 + 80 + 50 + 60 = 290, nothing refunded; 4 orders count: AOV 72.50.
        Assert.Equal((290.0, 0.0, 290.0, 72.5), (report.Sales.Gross, report.Sales.Refunds, report.Revenue, report.AverageOrderValue));
        Assert.Equal((50.0, 1L), (report.Sales.Outstanding, report.Sales.UnpaidOrders));
        Assert.Equal((4L, 0L, 3L), (report.Orders, report.RefundedOrders, report.Customers));
    }

    [ProviderFact]
    public async Task A_later_overlapping_export_updates_refunds_and_status_and_counts_them_as_updated()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var june = await db.ImportAsync(ImportKind.Orders, Path("shopify-refunds-june.csv"));

        var july = await db.ImportAsync(ImportKind.Orders, Path("shopify-refunds-july.csv"));

        // 6 rows: #2001's two lines, #2002 and #2003 changed; #2004 is the same; #2005 is new.
        Assert.Equal((5L, 0L, 0L), (june.RowsStored, june.RowsUpdated, june.RowsDuplicate));
        Assert.Equal((6L, 1L, 4L, 1L), (july.RowsRead, july.RowsStored, july.RowsUpdated, july.RowsDuplicate));
        Assert.Equal(4, await db.CountAsync("SELECT RowsUpdated FROM Imports ORDER BY Id DESC LIMIT 1"));
        Assert.Equal(["partially_refunded", "refunded", "paid", "paid", "paid"], (await OrderRecord.AllAsync(db)).Select(o => o.Status));
    }

    [ProviderFact]
    public async Task Revenue_is_net_of_refunds_and_a_fully_refunded_order_counts_in_no_customer_figure()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        await db.ImportAsync(ImportKind.Orders, Path("shopify-refunds-june.csv"));
        await db.ImportAsync(ImportKind.Orders, Path("shopify-refunds-july.csv"));

        var report = await CustomersAsync(db);

        // Gross 100 + 80 + 50 + 60 + 40 = 330; refunds 30 + 80 = 110; net 220 over the 4 orders that count (not #2002): 55.
        Assert.Equal((330.0, 110.0, 220.0, 55.0), (report.Sales.Gross, report.Sales.Refunds, report.Revenue, report.AverageOrderValue));
        Assert.Equal((0.0, 0L), (report.Sales.Outstanding, report.Sales.UnpaidOrders));

        // ben's only order was refunded: customers are ana (two orders), cy and dee.
        Assert.Equal((5L, 1L, 0L, 3L), (report.Orders, report.RefundedOrders, report.CancelledOrders, report.Customers));
        Assert.Equal((1L, 3L), (report.RepeatPurchaseRate.Count, report.RepeatPurchaseRate.Total));
    }

    [ProviderFact]
    public async Task Importing_the_same_export_again_updates_nothing()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        await db.ImportAsync(ImportKind.Orders, Path("shopify-refunds-july.csv"));

        var again = await db.ImportAsync(ImportKind.Orders, Path("shopify-refunds-july.csv"));

        Assert.Equal((0L, 0L, 6L), (again.RowsStored, again.RowsUpdated, again.RowsDuplicate));
    }

    [ProviderFact]
    public async Task A_negative_outstanding_balance_is_an_overpayment_that_owes_nothing_not_a_warning()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        // Trimmed from a real Shopify orders_export_1.csv (github SuesteCreative/dna-crm, orders #1137 and #1127): paid
        // orders whose Outstanding Balance Shopify writes as -0.01 and -0.03 (a cent overpaid in rounding); #1200 is pending.
        var result = await db.ImportAsync(ImportKind.Orders, db.WriteFile("overpaid.csv", """
            Name,Email,Financial Status,Created at,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Refunded Amount,Outstanding Balance,Source
            #1137,paveen_rai@example.com,paid,2025-09-03 11:03:39 +0100,EUR,262.29,0.00,49.04,262.29,0.00,3,Jetski Rental - 30 minutes,87.43,,0.00,-0.01,web
            #1127,clarebunning@example.com,paid,2025-08-22 12:04:18 +0100,EUR,185.58,0.00,34.71,185.58,0.00,4,Inflatable Sofa - Towable,18.35,,0.00,-0.03,web
            #1127,clarebunning@example.com,,2025-08-22 12:04:18 +0100,,,,,,,2,Jetski Rental - 15 minutes,56.09,,,,
            #1200,dee@example.com,pending,2025-08-23 09:00:00 +0100,EUR,50.00,0.00,0.00,50.00,0.00,1,Lamp,50.00,,0.00,50.00,web
            """));

        var report = await CustomersAsync(db);

        Assert.Equal((4L, 0L, 0L), (result.RowsStored, result.RowsRejected, result.Warnings));
        Assert.Equal((50.0, 1L), (report.Sales.Outstanding, report.Sales.UnpaidOrders));
        Assert.Equal(497.87, report.Sales.Gross, 2);
    }

    [ProviderFact]
    public async Task A_paid_order_owes_nothing_whatever_cent_of_rounding_its_outstanding_balance_shows()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        // Trimmed from the same real export (orders #1113 and #1102): paid, with an Outstanding Balance of 0.01 and 0.02.
        await db.ImportAsync(ImportKind.Orders, db.WriteFile("rounded.csv", """
            Name,Email,Financial Status,Created at,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Refunded Amount,Outstanding Balance,Source
            #1113,ana@example.com,paid,2025-08-01 10:00:00 +0100,EUR,134.10,0.00,25.08,134.10,0.00,1,Jetski Rental - 1 hour,134.10,,0.00,0.01,web
            #1102,ben@example.com,paid,2025-07-20 10:00:00 +0100,EUR,73.44,0.00,13.73,73.44,0.00,1,Jetski Rental - 20 minutes,73.44,,0.00,0.02,web
            #1200,dee@example.com,pending,2025-08-23 09:00:00 +0100,EUR,50.00,0.00,0.00,50.00,0.00,1,Lamp,50.00,,0.00,50.00,web
            """));

        var report = await CustomersAsync(db);

        Assert.Equal((50.0, 1L), (report.Sales.Outstanding, report.Sales.UnpaidOrders));
    }

    [ProviderFact]
    public async Task Woocommerce_failed_and_refunded_orders_count_in_no_customer_figure_and_on_hold_is_outstanding()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        await db.ImportAsync(ImportKind.Orders, db.WriteFile("woo.csv", """
            order_id,order_number,order_date,status,order_total,order_currency,customer_email
            1,1,2024-06-01 10:00:00,wc-completed,100.00,MAD,a@example.ma
            2,2,2024-06-02 10:00:00,wc-failed,70.00,MAD,b@example.ma
            3,3,2024-06-03 10:00:00,wc-refunded,40.00,MAD,c@example.ma
            4,4,2024-06-04 10:00:00,wc-on-hold,25.00,MAD,d@example.ma
            """));

        var report = await CustomersAsync(db);

        // Failed is cancelled (no value); refunded refunds its whole 40; on-hold owes its 25. Net 100 + 40 + 25 − 40 = 125 over 2 orders.
        Assert.Equal((1L, 1L, 2L), (report.CancelledOrders, report.RefundedOrders, report.Customers));
        Assert.Equal((165.0, 40.0, 125.0, 62.5), (report.Sales.Gross, report.Sales.Refunds, report.Revenue, report.AverageOrderValue));
        Assert.Equal((25.0, 1L, "MAD"), (report.Sales.Outstanding, report.Sales.UnpaidOrders, report.Sales.Currency));
    }

    private static async Task<CustomerReport> CustomersAsync(TempDatabase db)
    {
        var store = await db.Stores.FindAsync("Test");
        return await new FunnelAnalytics(db.Database).CustomersAsync(new CustomerQuery(store!.Id));
    }
}

/// <summary>The tests of <see cref="OrderRefundTests"/> on SQLite.</summary>
public sealed class OrderRefundTestsOnSqlite : OrderRefundTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="OrderRefundTests"/> on PostgreSQL.</summary>
public sealed class OrderRefundTestsOnPostgres : OrderRefundTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
