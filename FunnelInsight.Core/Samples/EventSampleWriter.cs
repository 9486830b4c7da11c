namespace FunnelInsight.Core.Samples;

/// <summary>
/// Writes generated events in the canonical layout, session after session, with session start times
/// rising evenly through the period. Memory is bounded: only visitors booked to come back are kept.
/// </summary>
internal static class EventSampleWriter
{
    public const string Header = "event_time,event_type,session_id,user_id,product_id,price,quantity,order_id,device,channel,country,page_load_ms";

    /// <summary>Mean gap before a visitor comes back: returns spread over weeks and months.</summary>
    private const double MeanReturnDays = 21;

    public static long Write(Stream output, StoreGeneratorOptions options, CancellationToken cancellationToken)
    {
        var random = new SampleRandom(options.Seed);
        var simulator = new SessionSimulator(random);
        var returns = new ReturnSchedule<SampleVisitor>();
        long visitorNumber = 0, session = 0, written = 0;
        using var csv = new SampleCsvWriter(output);
        csv.Header(Header);
        while (written < options.Events)
        {
            if (++session % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var start = options.StartSeconds + (options.SpanSeconds * written / options.Events) + random.Next(600);
            if (!returns.TryTakeDue(start, out var visitor))
            {
                visitor = new SampleVisitor(++visitorNumber, random.Pick(SampleCatalog.DeviceWeights), random.Pick(SampleCatalog.CountryWeights));
            }

            visitor.Sessions++;
            var device = random.Chance(0.8) ? visitor.Device : random.Pick(SampleCatalog.DeviceWeights);
            var channel = random.Pick(visitor.Sessions > 1 ? SampleCatalog.ReturningChannelWeights : SampleCatalog.ChannelWeights);
            simulator.Simulate(start, visitor, device, channel);
            foreach (var e in simulator.Events)
            {
                if (written == options.Events)
                {
                    break;
                }

                WriteLine(csv, e, session, visitor, device, channel);
                written++;
            }

            // A third of first-time visitors come back; the more often someone has come, the likelier again.
            if (random.Chance(visitor.Sessions == 1 ? 0.33 : 0.5))
            {
                returns.Add(visitor, simulator.Events[^1].Seconds + 3600 + (long)random.Exponential(MeanReturnDays * 86_400));
            }
        }

        return written;
    }

    private static void WriteLine(SampleCsvWriter csv, SampleEvent e, long session, SampleVisitor visitor, int device, int channel)
    {
        csv.Time(e.Seconds);
        csv.Text(e.Name);
        csv.Tagged('s', session);
        csv.Tagged('u', visitor.Id);
        csv.Text(e.Product >= 0 ? SampleCatalog.ProductId(e.Product) : null);
        csv.Money(e.PriceCents);
        csv.Whole(e.Quantity);
        if (e.OrderNumber is { } order)
        {
            csv.Tagged('W', order);
        }
        else
        {
            csv.Text(null);
        }

        csv.Text(SampleCatalog.Devices[device]);
        csv.Text(SampleCatalog.Channels[channel]);
        csv.Text(SampleCatalog.Countries[visitor.Country]);
        csv.Whole(e.PageLoadMs);
        csv.EndLine();
    }
}
