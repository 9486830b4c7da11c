namespace FunnelInsight.Tests.Web.Browser;

/// <summary>A small shop the report page tests upload: twelve sessions over two weeks and six orders.</summary>
internal static class ReportSample
{
    /// <summary>
    /// Ordered funnel: 12 land; 10 view a product (s4, s8 only land); 8 add to cart (s3, s10 stop at the product);
    /// 7 start checkout (s2 leaves its cart of 15); 3 buy (s1, s5, s11). Checkout exits: s6 after shipping (cart 5),
    /// s7 after payment (30), s9 after login (50), s12 right after starting (25).
    /// </summary>
    public const string Events = """
        event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country,page_load_ms
        2024-03-04T10:00:00Z,session_start,s1,c1,,,,,desktop,seo,US,800
        2024-03-04T10:01:00Z,view_item,s1,c1,p1,20,,,desktop,seo,US,900
        2024-03-04T10:02:00Z,add_to_cart,s1,c1,p1,20,2,,desktop,seo,US,
        2024-03-04T10:03:00Z,begin_checkout,s1,c1,,,,,desktop,seo,US,
        2024-03-04T10:04:00Z,add_shipping_info,s1,c1,,,,,desktop,seo,US,
        2024-03-04T10:05:00Z,add_payment_info,s1,c1,,,,,desktop,seo,US,
        2024-03-04T10:06:00Z,purchase,s1,c1,p1,20,2,o1,desktop,seo,US,
        2024-03-05T11:00:00Z,session_start,s2,c2,,,,,mobile,ads,DE,1500
        2024-03-05T11:01:00Z,view_item,s2,c2,p2,15,,,mobile,ads,DE,
        2024-03-05T11:02:00Z,add_to_cart,s2,c2,p2,15,1,,mobile,ads,DE,
        2024-03-05T12:00:00Z,session_start,s3,v3,,,,,mobile,seo,DE,
        2024-03-05T12:01:00Z,view_item,s3,v3,p3,9,,,mobile,seo,DE,
        2024-03-06T09:00:00Z,session_start,s4,v4,,,,,desktop,email,US,
        2024-03-08T10:00:00Z,session_start,s5,c5,,,,,mobile,ads,US,
        2024-03-08T10:01:00Z,view_item,s5,c5,p5,10,,,mobile,ads,US,
        2024-03-08T10:02:00Z,add_to_cart,s5,c5,p5,10,1,,mobile,ads,US,
        2024-03-08T10:03:00Z,begin_checkout,s5,c5,,,,,mobile,ads,US,
        2024-03-08T10:04:00Z,purchase,s5,c5,p5,10,1,o5,mobile,ads,US,
        2024-03-09T15:00:00Z,session_start,s6,v6,,,,,desktop,seo,FR,
        2024-03-09T15:01:00Z,view_item,s6,v6,p6,5,,,desktop,seo,FR,
        2024-03-09T15:02:00Z,add_to_cart,s6,v6,p6,5,1,,desktop,seo,FR,
        2024-03-09T15:03:00Z,begin_checkout,s6,v6,,,,,desktop,seo,FR,
        2024-03-09T15:04:00Z,add_shipping_info,s6,v6,,,,,desktop,seo,FR,
        2024-03-11T08:00:00Z,session_start,s7,v7,,,,,mobile,social,SA,
        2024-03-11T08:01:00Z,view_item,s7,v7,p7,30,,,mobile,social,SA,
        2024-03-11T08:02:00Z,add_to_cart,s7,v7,p7,30,1,,mobile,social,SA,
        2024-03-11T08:03:00Z,begin_checkout,s7,v7,,,,,mobile,social,SA,
        2024-03-11T08:04:00Z,add_payment_info,s7,v7,,,,,mobile,social,SA,
        2024-03-11T09:00:00Z,session_start,s8,v8,,,,,tablet,seo,SA,
        2024-03-12T10:00:00Z,session_start,s9,v9,,,,,desktop,ads,AE,
        2024-03-12T10:01:00Z,view_item,s9,v9,p9,50,,,desktop,ads,AE,
        2024-03-12T10:02:00Z,add_to_cart,s9,v9,p9,50,1,,desktop,ads,AE,
        2024-03-12T10:03:00Z,begin_checkout,s9,v9,,,,,desktop,ads,AE,
        2024-03-12T10:04:00Z,login,s9,v9,,,,,desktop,ads,AE,
        2024-03-13T13:00:00Z,session_start,s10,v10,,,,,mobile,email,AE,
        2024-03-13T13:01:00Z,view_item,s10,v10,p10,12,,,mobile,email,AE,
        2024-03-14T10:00:00Z,session_start,s11,c1,,,,,desktop,seo,US,
        2024-03-14T10:01:00Z,view_item,s11,c1,p11,40,,,desktop,seo,US,
        2024-03-14T10:02:00Z,add_to_cart,s11,c1,p11,40,1,,desktop,seo,US,
        2024-03-14T10:03:00Z,begin_checkout,s11,c1,,,,,desktop,seo,US,
        2024-03-14T10:04:00Z,purchase,s11,c1,p11,40,1,o11,desktop,seo,US,
        2024-03-15T16:00:00Z,session_start,s12,v12,,,,,mobile,ads,SA,
        2024-03-15T16:01:00Z,view_item,s12,v12,p12,25,,,mobile,ads,SA,
        2024-03-15T16:02:00Z,add_to_cart,s12,v12,p12,25,1,,mobile,ads,SA,
        2024-03-15T16:03:00Z,begin_checkout,s12,v12,,,,,mobile,ads,SA,
        """;

    /// <summary>Ordered funnel of <see cref="Events"/>: landing … purchase.</summary>
    public static readonly long[] Reached = [12, 10, 8, 7, 3];

    /// <summary>c1 buys three times (January, March twice), c2 in January and February, c3 once in January.</summary>
    public const string Orders = """
        order_id,customer_id,email,created_at,subtotal,shipping,tax,discount,total,currency,status,channel
        h2,c3,,2024-01-15T10:00:00Z,55,5,0,0,60,USD,paid,seo
        h3,c2,,2024-01-20T10:00:00Z,15,5,0,0,20,USD,paid,ads
        h4,c1,,2024-01-25T10:00:00Z,25,5,0,0,30,USD,paid,seo
        h1,c2,,2024-02-10T10:00:00Z,25,5,0,0,30,USD,paid,ads
        o1,c1,,2024-03-04T10:06:00Z,40,5,0,0,45,USD,paid,seo
        o5,c5,,2024-03-08T10:04:00Z,10,5,0,0,15,USD,paid,ads
        o11,c1,,2024-03-14T10:04:00Z,40,5,0,0,45,USD,paid,seo
        """;

    /// <summary>Creates store <paramref name="name"/> in the running app's database and imports the sample into it.</summary>
    public static async Task<int> ImportAsync(DashboardApp app, string name)
    {
        var storeId = await app.CreateStoreAsync(name);
        await ImportIntoAsync(storeId, name, app.WriteFile, app.ImportAsync);
        return storeId;
    }

    /// <summary>Imports the sample's events, then its orders, into store <paramref name="storeId"/> with <paramref name="import"/>, from files written with <paramref name="writeFile"/>.</summary>
    public static async Task ImportIntoAsync(int storeId, string name, Func<string, string, string> writeFile, Func<ImportRequest, Task> import)
    {
        await import(new ImportRequest(storeId, ImportKind.Events, writeFile(name + "-events.csv", Events)));
        await import(new ImportRequest(storeId, ImportKind.Orders, writeFile(name + "-orders.csv", Orders)));
    }

}
