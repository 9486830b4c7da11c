using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

/// <summary><c>report funnel --steps … [--window H]</c> and <c>--funnel NAME</c> on the DuckDB engine.</summary>
public class DefinedFunnelCommandTests
{
    // a: list → item → cart → purchase; b: list → item, and a cart two hours after its start; c: item only.
    private const string Rows = """
        2024-03-01T10:00:00Z,view_item_list,a,v1,,,,,mobile,,,
        2024-03-01T10:01:00Z,view_item,a,v1,42,,,,mobile,,,
        2024-03-01T10:02:00Z,add_to_cart,a,v1,42,,,,mobile,,,
        2024-03-01T10:03:00Z,purchase,a,v1,42,,,,mobile,,,
        2024-03-01T11:00:00Z,view_item_list,b,v2,,,,,desktop,,,
        2024-03-01T11:01:00Z,view_item,b,v2,7,,,,desktop,,,
        2024-03-01T13:00:00Z,add_to_cart,b,v2,7,,,,desktop,,,
        2024-03-01T12:00:00Z,view_item,c,v3,7,,,,desktop,,,
        """;

    private static async Task<(int Code, string Output)> RunAsync(AnalyticsStore store, params string[] args)
    {
        using var output = new StringWriter();
        var code = await ReportCommand.RunAsync(CommandGrammar.Read(args), new CommandAccess(store.Temp.Database, null), store.Exporter,
            new SavedFunnels(store.Temp.Database), output, CancellationToken.None);
        return (code, output.ToString());
    }

    private static long[] Reached(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("reached").GetInt64())];

    [Fact]
    public async Task Steps_and_a_window_give_the_hand_counted_funnel_with_each_step_named()
    {
        await using var store = await AnalyticsStore.CreateAsync(Rows);

        var (code, text) = await RunAsync(store, "report", "funnel", "--store", "shop", "--steps", "view_item_list,view_item,add_to_cart,purchase");
        var (_, windowed) = await RunAsync(store, "report", "funnel", "--store", "shop", "--steps", "view_item_list,view_item,add_to_cart,purchase", "--window", "1");

        Assert.Equal(0, code);
        Assert.Equal([2, 2, 2, 1], Reached(text));
        Assert.Equal([2, 2, 1, 1], Reached(windowed));
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("add_to_cart", root.GetProperty("stages")[2].GetProperty("stage").GetString());
        Assert.Equal("view_item_list,view_item,add_to_cart,purchase", root.GetProperty("query").GetProperty("steps").GetString());
    }

    [Fact]
    public async Task A_saved_funnel_is_asked_by_its_name_with_its_window()
    {
        await using var store = await AnalyticsStore.CreateAsync(Rows);
        var funnels = new SavedFunnels(store.Temp.Database);
        Assert.Null(await funnels.SaveAsync(store.StoreId, "Product 42 buyers", FunnelDefinition.Parse("view_item[product=42],add_to_cart,purchase").Definition!, 1, replace: false));

        var (code, text) = await RunAsync(store, "report", "funnel", "--store", "shop", "--funnel", "product 42 BUYERS");

        Assert.Equal(0, code);
        Assert.Equal([1, 1, 1], Reached(text));
        Assert.Equal(1, JsonDocument.Parse(text).RootElement.GetProperty("query").GetProperty("windowHours").GetInt32());
    }

    [Theory]
    [InlineData("--steps", "view_item", "report: --steps: 'steps': A funnel has 2 to 10 steps; this one has 1.")]
    [InlineData("--steps", "view_item,stage:basket", "'basket' is not a stage")]
    [InlineData("--funnel", "nothing saved", "report: --funnel: The store has no saved funnel called 'nothing saved'.")]
    public async Task A_funnel_that_is_not_one_is_refused_with_the_reason(string option, string value, string reason)
    {
        await using var store = await AnalyticsStore.CreateAsync(Rows);

        var refused = await Assert.ThrowsAsync<CommandLineException>(() => RunAsync(store, "report", "funnel", "--store", "shop", option, value));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_funnel_report_takes_steps()
    {
        Assert.Throws<CommandLineException>(() => CommandGrammar.Read(["report", "leaks", "--store", "shop", "--steps", "a,b"]));
    }
}
