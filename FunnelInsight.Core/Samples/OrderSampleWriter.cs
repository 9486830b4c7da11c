namespace FunnelInsight.Core.Samples;

/// <summary>
/// Writes generated orders in the canonical order layout, one row per order, created times rising
/// through the period. Customers come back for more orders over the months; a few orders are guest
/// orders known only by e-mail, a few are anonymous, and some are cancelled or refunded.
/// </summary>
internal static class OrderSampleWriter
{
    public const string Header = "order_id,customer_id,email,created_at,subtotal,shipping,tax,discount,total,currency,status,channel";

    private const double MeanReorderDays = 45;
    private const double AnonymousShare = 0.04;
    private const long FreeShippingCents = 7500;

    public static long Write(Stream output, StoreGeneratorOptions options, CancellationToken cancellationToken)
    {
        // A seed of its own, so the orders stay the same whatever number of events is asked for.
        var random = new SampleRandom(options.Seed ^ 0x6F7264657273L);
        var reorders = new ReturnSchedule<SampleCustomer>();
        long customerNumber = 0;
        using var csv = new SampleCsvWriter(output);
        csv.Header(Header);
        for (long i = 0; i < options.Orders; i++)
        {
            if (i % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var created = options.StartSeconds + (options.SpanSeconds * i / options.Orders) + random.Next(3600);
            SampleCustomer? customer = null;
            if (!random.Chance(AnonymousShare))
            {
                if (!reorders.TryTakeDue(created, out customer))
                {
                    customer = new SampleCustomer(++customerNumber, random.Chance(0.8));
                }

                // About 32% of first-time buyers buy a second time; loyal customers keep coming back.
                customer.Orders++;
                if (random.Chance(customer.Orders == 1 ? 0.32 : 0.55))
                {
                    reorders.Add(customer, created + 86_400 + (long)random.Exponential(MeanReorderDays * 86_400));
                }
            }

            long subtotal = 0;
            var lines = 1 + random.Pick([0.55, 0.25, 0.12, 0.08]);
            for (var line = 0; line < lines; line++)
            {
                subtotal += SampleCatalog.ProductPriceCents(SampleCatalog.PickProduct(random)) * (random.Chance(0.85) ? 1 : 2);
            }

            var shipping = subtotal >= FreeShippingCents ? 0 : random.Chance(0.6) ? 499 : 799;
            var discount = random.Chance(0.15) ? subtotal / 10 : 0;
            var tax = (subtotal - discount) * 8 / 100;
            var status = random.Pick([0.93, 0.05, 0.02]);

            csv.Whole(10_001 + i);
            if (customer is { HasAccount: true })
            {
                csv.Tagged('C', customer.Number);
            }
            else
            {
                csv.Text(null);
            }

            csv.Text(customer is null ? null : FormattableString.Invariant($"customer{customer.Number}@example.com"));
            csv.Time(created);
            csv.Money(subtotal);
            csv.Money(shipping);
            csv.Money(tax);
            csv.Money(discount);
            csv.Money(subtotal + shipping + tax - discount);
            csv.Text("USD");
            csv.Text(status switch { 0 => "paid", 1 => "cancelled", _ => "refunded" });
            csv.Text(SampleCatalog.Channels[random.Pick(SampleCatalog.ChannelWeights)]);
            csv.EndLine();
        }

        return options.Orders;
    }
}
