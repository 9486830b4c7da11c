using Microsoft.Extensions.Configuration;

namespace FunnelInsight.Tests.Web.Services;

public class DemoStoreLoaderTests
{
    /// <summary>The command that made the committed samples (also in the README).</summary>
    internal static readonly StoreGeneratorOptions DemoOptions = new(11_000, 3_000, Seed: 42);

    [Fact]
    public void The_committed_demo_samples_are_found_from_the_test_folder_and_are_what_the_generator_makes()
    {
        var folder = FunnelInsightConfiguration.DemoDataFolder(new ConfigurationBuilder().Build(), DemoStoreLoader.EventsFile);
        Assert.NotNull(folder);
        using var events = new MemoryStream();
        using var orders = new MemoryStream();
        StoreGenerator.WriteEvents(events, DemoOptions);
        StoreGenerator.WriteOrders(orders, DemoOptions);

        var eventFile = File.ReadAllBytes(Path.Combine(folder, DemoStoreLoader.EventsFile));
        var orderFile = File.ReadAllBytes(Path.Combine(folder, DemoStoreLoader.OrdersFile));

        Assert.Equal(events.ToArray(), eventFile);
        Assert.Equal(orders.ToArray(), orderFile);
        Assert.InRange(eventFile.Length, 500_000, 1_000_000);
        Assert.InRange(orderFile.Length, 100_000, 1_000_000);
    }
}
