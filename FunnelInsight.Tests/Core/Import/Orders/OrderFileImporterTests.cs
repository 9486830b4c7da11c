using static FunnelInsight.Tests.Support.Fixture;
using static FunnelInsight.Tests.Support.OrderRecord;

namespace FunnelInsight.Tests.Core.Import.Orders;

public abstract class OrderFileImporterTests : DatabaseProviderTests
{
    [ProviderFact]
    public async Task A_canonical_export_stores_each_order_with_ids_kept_and_emails_hashed()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var orders = await ImportSampleAsync(db, "canonical-orders.csv", "canonical", 5);

        Assert.Equal(new OrderRecord("1001", "C1", Us(2025, 1, 5, 9, 0, 0), 100, 5, 8, 10, 103, "SAR", "paid", false, "web", 1), orders[0]);

        // One customer by e-mail whatever its case; a zone-less time is UTC and an offset is applied.
        Assert.Equal(EmailKey("omar.haddad@example.com"), orders[1].Customer);
        Assert.Equal(orders[1].Customer, orders[2].Customer);
        Assert.Equal(Us(2025, 1, 20, 14, 30, 0), orders[1].CreatedUs);
        Assert.Equal(Us(2025, 2, 11, 5, 15, 0), orders[2].CreatedUs);
        Assert.Equal(("C1", true), (orders[3].Customer, orders[3].Cancelled));
        Assert.Null(orders[4].Customer);
        Assert.Equal(0, await db.CountAsync("SELECT COUNT(*) FROM Orders WHERE CustomerKey LIKE '%@%'"));
    }

    [ProviderFact]
    public async Task A_shopify_export_gathers_line_items_with_the_same_name_into_one_order()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var orders = await ImportSampleAsync(db, "shopify-orders.csv", "shopify", 5);

        Assert.Equal(3, orders.Count);
        Assert.Equal(new OrderRecord("#1001", EmailKey("layla@example.com"), Us(2024, 3, 14, 7, 21, 33), 135, 15, 20.25, 10, 160.25, "SAR", "paid", false, "web", 3), orders[0]);
        Assert.Equal(orders[0].Customer, orders[1].Customer);
        Assert.Equal(("voided", true, "pos"), (orders[2].Status, orders[2].Cancelled, orders[2].Channel));
    }

    [ProviderFact]
    public async Task A_woocommerce_export_reads_order_values_and_billing_email()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var orders = await ImportSampleAsync(db, "woocommerce-orders.csv", "woocommerce", 4);

        Assert.Equal(new OrderRecord("812", EmailKey("youssef@example.ma"), Us(2024, 5, 6, 9, 14, 0), 250, 30, 0, 0, 280, null, "Completed", false, "Cash on delivery", 1), orders[0]);
        Assert.Equal((250.0, 25.0, 225.0, 2), (orders[1].Subtotal, orders[1].Discount, orders[1].Total, orders[1].Lines));
        Assert.True(orders[2].Cancelled);
        Assert.Equal(orders[0].Customer, orders[2].Customer);
    }

    [ProviderFact]
    public async Task A_uci_online_retail_export_sums_lines_into_orders_and_keeps_c_invoices_as_cancelled()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var orders = await ImportSampleAsync(db, "uci-orders.csv", "uci", 7);

        Assert.Equal(["536365", "536366", "C536379", "536414", "536544"], orders.Select(o => o.OrderId));

        // 6 × 2.55 + 6 × 3.39 + 8 × 2.75 = 57.64.
        Assert.Equal(new OrderRecord("536365", "17850", Us(2010, 12, 1, 8, 26, 0), 57.64, 0, 0, 0, 57.64, null, null, false, null, 3), orders[0] with { Subtotal = Math.Round(orders[0].Subtotal, 2), Total = Math.Round(orders[0].Total, 2) });
        Assert.Equal(("14527", true, -27.5), (orders[2].Customer, orders[2].Cancelled, orders[2].Total));
        Assert.Equal((null, 0.0), (orders[3].Customer, orders[3].Total));
        Assert.Equal(2, orders.Count(o => o.Customer == "17850"));
    }

    [ProviderFact]
    public async Task A_uci_online_retail_ii_export_is_detected_by_its_invoice_and_price_columns()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var orders = await ImportSampleAsync(db, "uci-ii-orders.csv", "uci", 5);

        Assert.Equal(["489434", "489435", "C489449", "489436"], orders.Select(o => o.OrderId));

        // 12 × 6.95 + 12 × 6.75 = 164.40; the customer id is kept as the export writes it.
        Assert.Equal(("13085.0", Us(2009, 12, 1, 7, 45, 0), 164.40, 2), (orders[0].Customer, orders[0].CreatedUs, Math.Round(orders[0].Total, 2), orders[0].Lines));
        Assert.Equal(("16321.0", true, -35.4), (orders[2].Customer, orders[2].Cancelled, Math.Round(orders[2].Total, 2)));
        Assert.Null(orders[3].Customer);
    }

    [ProviderTheory]
    [InlineData(null)]
    [InlineData("uci")]
    public async Task A_uci_export_without_its_quantity_column_is_refused_naming_it_not_read_as_one_of_each_line(string? format)
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var path = db.WriteFile("no-quantity.csv", """
            InvoiceNo,StockCode,Description,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE,12/1/2010 8:26,2.55,17850,United Kingdom
            536365,71053,LANTERN,12/1/2010 8:26,3.39,17850,United Kingdom

            """);

        var result = await db.ImportAsync(ImportKind.Orders, path, format: format);

        Assert.Equal((ImportStatus.Failed, 0L), (result.Status, result.RowsStored));
        Assert.StartsWith("No column for quantity (UCI Online Retail)", result.Message, StringComparison.Ordinal);
        Assert.Contains("--map \"quantity=Qty\"", result.Message, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(db));
    }

    [ProviderFact]
    public async Task An_order_with_one_rejected_line_is_rejected_whole_every_line_naming_the_bad_one()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var path = db.WriteFile("one-bad-line.csv", """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom
            536365,71053,WHITE LANTERN,six,12/1/2010 8:26,3.39,17850,United Kingdom
            536365,84406B,CUPID HANGER,8,12/1/2010 8:26,2.75,17850,United Kingdom
            536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,17850,United Kingdom

            """);

        var result = await db.ImportAsync(ImportKind.Orders, path);
        var orders = await AllAsync(db);

        // Storing 536365 without line 3 would have given it 6 × 2.55 + 8 × 2.75 = 37.30 instead of 57.64.
        Assert.Equal((ImportStatus.Succeeded, 4L, 1L, 3L), (result.Status, result.RowsRead, result.RowsStored, result.RowsRejected));
        Assert.Equal([("536366", 11.10, 1)], orders.Select(o => (o.OrderId, Math.Round(o.Total, 2), o.Lines)));
        const string LeftOut = "Order '536365' is not stored: its line 3 was rejected, and an order is stored with all of its lines or not at all. Correct line 3 and import the file again.";
        Assert.Equal(
            [(2L, null, LeftOut), (3L, "Quantity", "quantity 'six' is not a number."), (4L, null, LeftOut)],
            result.Errors.OrderBy(e => e.Line).Select(e => (e.Line, e.Column, e.Reason)));
        Assert.Equal("536365,85123A,WHITE HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom", result.Errors.Single(e => e.Line == 2).RawLine);
    }

    [ProviderFact]
    public async Task A_line_kept_with_a_warning_before_its_order_is_rejected_is_reported_once_as_an_error()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);
        var path = db.WriteFile("warned-then-rejected.csv", """
            Name,Email,Financial Status,Created at,Subtotal,Shipping,Total
            #1001,layla@example.com,paid,2024-03-14 10:21:33 +0300,135.00,n/a,150.00
            #1001,layla@example.com,,not a time,,,
            #1002,omar@example.com,paid,2024-04-02 18:05:10 +0300,45.00,15.00,60.00

            """);

        var result = await db.ImportAsync(ImportKind.Orders, path);

        Assert.Equal(("shopify", 3L, 1L, 2L, 0L), (result.Format, result.RowsRead, result.RowsStored, result.RowsRejected, result.Warnings));
        Assert.Empty(result.FirstWarnings);
        Assert.Equal([2L, 3L], result.Errors.Select(e => e.Line).Order());
        Assert.Equal(["#1002"], (await AllAsync(db)).Select(o => o.OrderId));
        Assert.Equal(2, await db.CountAsync($"SELECT COUNT(*) FROM ImportRowErrors WHERE ImportId = {result.ImportId}"));
    }

    [ProviderFact]
    public async Task A_woocommerce_export_with_lowercase_headers_is_detected_and_read()
    {
        await using var db = await TempDatabase.CreateAsync(Provider);

        var orders = await ImportSampleAsync(db, "woocommerce-lowercase-orders.csv", "woocommerce", 3);

        Assert.Equal(new OrderRecord("7101", "3", Us(2024, 6, 1, 10, 0, 0), 100, 20, 5, 0, 125, "MAD", "wc-completed", false, "Cash on delivery", 1), orders[0]);

        // customer_id 0 is a guest: the e-mail is the key.
        Assert.Equal((EmailKey("karim@example.ma"), 10.0, 90.0), (orders[1].Customer, orders[1].Discount, orders[1].Total));
        Assert.Equal(("3", true), (orders[2].Customer, orders[2].Cancelled));
    }

    // Imports a sample export from Fixtures, checks that it was read as format with every one of its rows stored, and
    // returns the stored orders.
    private static async Task<IReadOnlyList<OrderRecord>> ImportSampleAsync(TempDatabase db, string file, string format, long rows)
    {
        var result = await db.ImportAsync(ImportKind.Orders, Path(file));
        Assert.Equal((format, rows, rows, 0L), (result.Format, result.RowsRead, result.RowsStored, result.RowsRejected));
        return await AllAsync(db);
    }
}

/// <summary>The tests of <see cref="OrderFileImporterTests"/> on SQLite.</summary>
public sealed class OrderFileImporterTestsOnSqlite : OrderFileImporterTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="OrderFileImporterTests"/> on PostgreSQL.</summary>
public sealed class OrderFileImporterTestsOnPostgres : OrderFileImporterTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
