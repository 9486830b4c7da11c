using FunnelInsight.Core.Import.Reasons;

namespace FunnelInsight.Tests.Core.Import;

public abstract class ImportHistoryTests : DatabaseProviderTests, IAsyncLifetime
{
    private const string Events =
        "event_time,event_type,session_id\n" +
        "2024-01-01T10:00:00Z,session_start,s1\n" +
        "@home,view_item,s1\n" +
        "\"=HYPERLINK(\"\"x\"\")\",view_item,s1\n" +
        "2024-01-01T10:01:00Z,view_item,s1\n";

    private TempDatabase _temp = null!;
    private ImportHistory _history = null!;
    private int _storeId;
    private int _otherStoreId;

    public async Task InitializeAsync()
    {
        _temp = await TempDatabase.CreateAsync(Provider);
        _history = new ImportHistory(_temp.Database);
        _storeId = (await _temp.Stores.GetOrCreateAsync("Shop")).Id;
        _otherStoreId = (await _temp.Stores.GetOrCreateAsync("Other")).Id;
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private async Task<ImportResult> ImportAsync(string name, string text) =>
        await new ImportService(_temp.Database).ImportAsync(new ImportRequest(_storeId, ImportKind.Events, _temp.WriteFile(name, text)));

    [ProviderFact]
    public async Task The_list_shows_the_store_imports_newest_first_with_their_counts()
    {
        await ImportAsync("first.csv", Events);
        await ImportAsync("second.csv", Events);

        var list = await _history.ListAsync(_storeId);

        Assert.Equal(["second.csv", "first.csv"], list.Select(i => i.FileName));
        Assert.Equal((4, 0, 2, 2), (list[0].RowsRead, list[0].RowsStored, list[0].RowsRejected, list[0].RowsDuplicate));
        Assert.Equal((4, 2, 2, 0), (list[1].RowsRead, list[1].RowsStored, list[1].RowsRejected, list[1].RowsDuplicate));
        Assert.Empty(await _history.ListAsync(_otherStoreId));
    }

    [ProviderFact]
    public async Task A_stored_result_reads_back_with_its_row_errors_only_in_its_own_store()
    {
        var imported = await ImportAsync("events.csv", Events);

        var result = await _history.ResultAsync(_storeId, imported.ImportId);

        Assert.NotNull(result);
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal("canonical", result.Format);
        Assert.Equal([3L, 4L], result.Errors.Select(e => e.Line));
        Assert.Null(await _history.ResultAsync(_otherStoreId, imported.ImportId));
    }

    [ProviderFact]
    public async Task A_stored_row_error_reads_back_with_its_reason_code_and_the_value_it_quotes()
    {
        var imported = await ImportAsync("events.csv", Events);

        var result = await _history.ResultAsync(_storeId, imported.ImportId);

        Assert.Equal(ImportReason.Of(ImportReasonCode.UnparseableTime, "@home"), result!.Errors[0].Cause);
        Assert.Equal("Unparseable time '@home'.", result.Errors[0].Reason);
    }

    [ProviderFact]
    public async Task A_failed_import_reads_back_with_its_reason_code_and_the_columns_it_names()
    {
        var failed = await ImportAsync("odd.csv", "alpha,beta\n1,2\n");

        var result = await _history.ResultAsync(_storeId, failed.ImportId);

        Assert.Equal(ImportStatus.Failed, result!.Status);
        Assert.Equal(ImportReason.Of(ImportReasonCode.UnknownEventLayout, "alpha, beta"), result.MessageReason);
        Assert.StartsWith("The columns (alpha, beta) match no known event export", result.Message, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_error_csv_lists_every_row_error_with_formulas_neutralised()
    {
        var imported = await ImportAsync("events.csv", Events);
        using var output = new MemoryStream();

        Assert.True(await _history.WriteErrorsCsvAsync(_storeId, imported.ImportId, output));

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("line,column,severity,reason,raw_line", lines[0]);
        Assert.Equal("3,event_time,error,Unparseable time '@home'.,\"'@home,view_item,s1\"", lines[1]);
        Assert.Equal("4,event_time,error,\"Unparseable time '=HYPERLINK(\"\"x\"\")'.\",\"\"\"=HYPERLINK(\"\"\"\"x\"\"\"\")\"\",view_item,s1\"", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [ProviderFact]
    public async Task The_error_csv_of_another_store_import_is_refused_and_empty()
    {
        var imported = await ImportAsync("events.csv", Events);
        using var output = new MemoryStream();

        Assert.False(await _history.WriteErrorsCsvAsync(_otherStoreId, imported.ImportId, output));
        Assert.Equal(0, output.Length);
    }
}

/// <summary>The tests of <see cref="ImportHistoryTests"/> on SQLite.</summary>
public sealed class ImportHistoryTestsOnSqlite : ImportHistoryTests
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The tests of <see cref="ImportHistoryTests"/> on PostgreSQL.</summary>
public sealed class ImportHistoryTestsOnPostgres : ImportHistoryTests, IRunsOnPostgres
{
    /// <inheritdoc />
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
