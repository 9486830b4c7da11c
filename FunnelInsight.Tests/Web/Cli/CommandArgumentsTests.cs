using FunnelInsight.Web.Cli;

namespace FunnelInsight.Tests.Web.Cli;

public class CommandArgumentsTests
{
    [Fact]
    public void Report_takes_its_kind_as_a_subject_before_the_options()
    {
        var parsed = CommandArguments.Parse(["report", "leaks", "--store", "shop", "--format", "csv"]);

        Assert.Equal(("report", "leaks", "shop", "csv"), (parsed.Verb, parsed.Subject, parsed.Get("store"), parsed.Get("format")));
    }

    [Fact]
    public void Other_verbs_still_reject_a_word_that_is_not_an_option()
    {
        var error = Assert.Throws<CommandLineException>(() => CommandArguments.Parse(["import", "events.csv", "--store", "shop"]));

        Assert.Equal("Unexpected argument 'events.csv'.", error.Message);
    }
}
