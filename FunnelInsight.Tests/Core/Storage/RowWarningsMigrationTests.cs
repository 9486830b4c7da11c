namespace FunnelInsight.Tests.Core.Storage;

public sealed class RowWarningsMigrationTests
{
    [Fact]
    public async Task Upgrading_keeps_the_row_errors_of_earlier_imports_as_errors_with_no_warnings()
    {
        using var old = new OldDatabase();
        var database = old.Database;
        await old.MigrateToAsync("20261201140759_StoreCurrencyFromOrders");
        await old.ExecuteAsync("""
            INSERT INTO Stores (Id, Name, Currency, TimeZone, SessionTimeoutMinutes, ConversionWindowHours, DataVersion, CreatedUtc) VALUES (1, 'A', 'EUR', 'UTC', 30, 168, 0, '2025-01-01');
            INSERT INTO Imports (Id, StoreId, Kind, FileName, FileSize, Sha256, Format, Mapping, RowsRead, RowsStored, RowsRejected, RowsDuplicate, RowsUpdated, StartedUtc, Status)
                VALUES (1, 1, 0, 'a.csv', 1, '', 'canonical', '', 2, 1, 1, 0, 0, '2025-01-01', 1);
            INSERT INTO ImportRowErrors (ImportId, Line, Column, Reason, RawLine) VALUES (1, 3, 'price', 'price ''abc'' is not a number.', 'x,view_item,S1,abc');
            """);

        await database.MigrateAsync();

        var history = new ImportHistory(database);
        var result = await history.ResultAsync(1, 1);
        Assert.Equal((1L, 0L), (result!.RowsRejected, result.Warnings));
        Assert.Equal([(3L, RowSeverity.Error)], result.Errors.Select(e => (e.Line, e.Severity)));
        Assert.Empty(result.FirstWarnings);
        Assert.Equal(0, (await history.ListAsync(1)).Single().Warnings);
        using var file = new MemoryStream();
        await ImportErrorFile.WriteAsync(database, 1, file);
        Assert.StartsWith("3,price,error,", System.Text.Encoding.UTF8.GetString(file.ToArray()).Split("\r\n")[1], StringComparison.Ordinal);
    }
}
