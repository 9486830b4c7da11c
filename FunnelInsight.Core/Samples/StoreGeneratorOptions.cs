namespace FunnelInsight.Core.Samples;

/// <summary>What <see cref="StoreGenerator"/> makes: how many events and orders, from which seed, over which months.</summary>
/// <param name="Events">Event rows to write (0 for no event file).</param>
/// <param name="Orders">Orders to write, one row each (0 for no order file).</param>
/// <param name="Seed">The same seed always gives byte-identical files.</param>
public sealed record StoreGeneratorOptions(long Events, long Orders, long Seed = 1)
{
    /// <summary>The first day of the generated period (UTC).</summary>
    public DateTime Start { get; init; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How many calendar months the events and orders spread over.</summary>
    public int Months { get; init; } = 12;

    internal long StartSeconds => (long)(Start - DateTime.UnixEpoch).TotalSeconds;

    internal long SpanSeconds => (long)(Start.AddMonths(Months) - Start).TotalSeconds;
}
