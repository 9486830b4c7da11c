namespace FunnelInsight.Tests.Core.Analytics.Funnel.Defined;

public class FunnelDefinitionTextTests
{
    [Fact]
    public void A_written_funnel_reads_back_into_stages_sets_and_narrowings()
    {
        var definition = FunnelDefinition.Parse(" view_item_list , stage:Cart, add_to_cart|view_cart [device=mobile][product=42]").Definition!;

        Assert.Equal(3, definition.Steps.Count);
        Assert.Equal(FunnelStage.Cart, definition.Steps[1].Stage);
        Assert.Equal(["add_to_cart", "view_cart"], definition.Steps[2].Names);
        Assert.Equal([new StepNarrowing(StepField.Device, "mobile"), new StepNarrowing(StepField.Product, "42")], definition.Steps[2].Narrowings);
        Assert.Equal("view_item_list,stage:cart,add_to_cart|view_cart[device=mobile][product=42]", definition.Text);
    }

    [Fact]
    public void Any_event_name_survives_writing_and_reading_again()
    {
        string[] names = ["a,b", "x|y", "[z]", "k=v", "stage:cart", "50%25off", "<script>alert(1)</script>", "كل المنتجات"];
        var written = FunnelDefinitionText.Of([.. names.Select(n => FunnelDefinitionText.NamesStep([n]))]).Definition!;

        var read = FunnelDefinition.Parse(written.Text).Definition!;

        Assert.Equal(names, read.Steps.Select(s => s.Names.Single()));
        Assert.All(read.Steps, s => Assert.Null(s.Stage));
        Assert.Equal(written, read);
    }

    [Theory]
    [InlineData("view_item", "2 to 10 steps; this one has 1")]
    [InlineData("a,b,c,d,e,f,g,h,i,j,k", "this one has 11")]
    [InlineData("view_item,,purchase", "Step 2 (''): the step has no event name.")]
    [InlineData("view_item,stage:basket", "'basket' is not a stage; the stages are landing, product, cart, checkout, purchase.")]
    [InlineData("view_item[colour=red],purchase", "Step 1 ('view_item[colour=red]'): '[colour=red]' is not a narrowing")]
    [InlineData("view_item[product=],purchase", "the narrowing by product has no value.")]
    [InlineData("view_item[product=4,purchase", "a narrowing is written [field=value]")]
    [InlineData("view_item|,purchase", "one of the step's event names is empty.")]
    [InlineData("  ", "A funnel needs its steps")]
    public void A_funnel_that_is_not_one_says_why(string text, string reason)
    {
        var result = FunnelDefinition.Parse(text);

        Assert.Null(result.Definition);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }
}
