namespace FunnelInsight.Tests.Web.Cli;

/// <summary>Ctrl-C, SIGTERM and kill -9 of a real <c>import</c> process, and what the next start makes of a dead one.</summary>
public sealed class ImportSignalTests : IAsyncLifetime
{
    private TempDatabase _db = null!;
    private LongImport _long = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _long = LongImport.Create(_db);
        // The store has data before, so that "unchanged" is a number that could move.
        await _db.ImportAsync(ImportKind.Events, Fixture.Path("canonical-events.csv"), "Shop");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_mid_import_exits_130_with_a_cancelled_line_leaves_the_store_unchanged_and_removes_the_temporary_files(string signal)
    {
        await using var import = _long.Start("Shop");
        await import.WaitUntilAsync(() => _long.RollingUp, "it was rolling its sessions up");

        await import.SignalAsync(signal);
        var (exit, output) = await import.WaitAsync();

        Assert.Equal(130, exit);
        // Progress lines come first (the sessions are rolled up after the reading); the last line says it.
        var lines = import.Error.Trim().Split('\n');
        Assert.Equal("import: The import was cancelled; nothing was stored.", lines[^1].Trim());
        Assert.All(lines[..^1], line => Assert.Matches(@"^import: (\d+% \(|building session rollups from )", line));
        Assert.Equal("", output);
        Assert.Equal(18, await _db.EventCountAsync());
        Assert.Equal((int)ImportStatus.Cancelled, await LastStatusAsync());
        Assert.Empty(_long.RollupFolders);
        Assert.Empty(Directory.GetFiles(Path.Combine(_db.Database.FilesFolder, "imports")));
    }

    [Fact]
    public async Task A_killed_import_is_marked_interrupted_by_the_next_command_and_its_temporary_files_are_removed_at_once()
    {
        await using var import = _long.Start("Shop");
        await import.WaitUntilAsync(() => _long.RollingUp, "it was rolling its sessions up");
        await import.SignalAsync("KILL");
        await import.WaitAsync();
        Assert.Equal((int)ImportStatus.Running, await LastStatusAsync());
        Assert.Single(_long.RollupFolders);

        await using var next = ChildProcess.Start(_db, _long.Settings, "stores");
        Assert.Equal(0, (await next.WaitAsync()).Exit);

        Assert.Equal((int)ImportStatus.Interrupted, await LastStatusAsync());
        Assert.Equal(InterruptedImports.Message, (await new ImportHistory(_db.Database).ListAsync((await _db.Stores.FindAsync("Shop"))!.Id))[0].Message);
        Assert.Empty(_long.RollupFolders);
        Assert.Equal(18, await _db.EventCountAsync());
    }

    [Theory]
    [InlineData("import: 20% (")]
    [InlineData("import: 50% (")]
    [InlineData("import: 90% (")]
    [InlineData("import: building session rollups")]
    [InlineData("the commit")]
    public async Task A_kill_at_any_point_of_an_import_leaves_the_store_as_before_or_complete_and_both_databases_agree(string point)
    {
        await using (var import = _long.Start("Shop"))
        {
            // The commit's write-ahead log lives only until DuckDB checkpoints it: on an idle machine that moment can
            // pass between two looks, and the import then ends on its own; the store must then be complete, which the
            // agreement below checks as for a kill.
            await import.WaitUntilAsync(() => point == "the commit" ? _long.Committing || import.HasExited : import.Error.Contains(point, StringComparison.Ordinal), $"it reached {point}",
                pollMilliseconds: point == "the commit" ? 1 : 20);
            if (!import.HasExited)
            {
                await import.SignalAsync("KILL");
            }

            await import.WaitAsync();
        }

        await using var next = ChildProcess.Start(_db, _long.Settings, "stores");
        Assert.Equal(0, (await next.WaitAsync()).Exit);

        await StoreAgreement.AssertAsync(_db, 18, 18 + LongImport.EventCount);
    }

    [Fact]
    public async Task A_command_started_beside_a_running_import_leaves_it_and_its_files_alone()
    {
        await using var import = _long.Start("Shop");
        await import.WaitUntilAsync(() => _long.RollingUp, "it was rolling its sessions up");
        var folder = Assert.Single(_long.RollupFolders);
        // Stopped, the import is still alive and holds its locks, however slow the machine: it cannot finish meanwhile.
        await import.SignalAsync("STOP");

        // DuckDB lets no other process open the events file the import holds: the command says so in one line.
        await using var beside = ChildProcess.Start(_db, _long.Settings, "stores");
        Assert.Equal(1, (await beside.WaitAsync()).Exit);
        Assert.StartsWith($"stores: the events file {_db.Database.EventsPath} is open in another process", beside.Error.Trim());
        Assert.Single(beside.Error.Trim().Split('\n'));
        var runningAfter = await LastStatusAsync();
        var folderKept = Directory.Exists(folder);
        await import.SignalAsync("CONT");
        var (exit, _) = await import.WaitAsync();

        Assert.True(folderKept, "the live import keeps its roll-up folder");
        Assert.Equal((int)ImportStatus.Running, runningAfter);
        Assert.Equal(0, exit);
        Assert.Equal((int)ImportStatus.Succeeded, await LastStatusAsync());
        Assert.Equal(18 + 400_000, await _db.EventCountAsync());
    }

    private Task<long> LastStatusAsync() => _db.CountAsync("SELECT Status FROM Imports ORDER BY Id DESC LIMIT 1");
}
