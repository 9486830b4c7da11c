using static FunnelInsight.Tests.Web.Cli.CommandLineRun;

namespace FunnelInsight.Tests.Web.Cli;

public sealed class StoresCommandTests : CommandLineRunTests
{
    [Fact]
    public async Task Stores_lists_each_store_with_its_event_order_and_session_counts_as_json()
    {
        await Cli.RunAsync("import", "--store", "Riyadh Oud", "--events", Fixture.Path("canonical-events.csv"));
        await Cli.RunAsync("import", "--store", "Riyadh Oud", "--orders", Fixture.Path("shopify-orders.csv"));
        await Cli.RunAsync("import", "--store", "Casablanca Tea", "--orders", Fixture.Path("woocommerce-orders.csv"));

        var run = await Cli.RunAsync("stores");

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            """[{"id":2,"name":"Casablanca Tea","events":0,"orders":3,"sessions":0},{"id":1,"name":"Riyadh Oud","events":18,"orders":3,"sessions":3}]""",
            LastLine(run.Output));
    }

    [Fact]
    public async Task Stores_on_a_new_database_is_an_empty_list()
    {
        var run = await Cli.RunAsync("stores");

        Assert.Equal((0, "[]"), (run.Exit, LastLine(run.Output)));
    }
}
