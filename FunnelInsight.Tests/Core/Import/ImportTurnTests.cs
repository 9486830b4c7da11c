using FunnelInsight.Core.Storage.Entities;

namespace FunnelInsight.Tests.Core.Import;

/// <summary>An import's turn at SQLite's one write lock, and the owner lock that tells it alive.</summary>
public sealed class ImportTurnTests
{
    [Fact]
    public async Task An_import_started_while_another_writer_holds_the_database_reports_waiting_and_runs_once_it_is_free()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Shop");
        var path = db.WriteFile("events.csv", "event_time,event_type,session_id\n2024-01-01T10:00:00Z,session_start,w1\n");
        await using var writer = await db.OpenSqliteAsync();
        var held = writer.BeginTransaction(deferred: false);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new InlineProgress(p =>
        {
            if (p.Phase == ImportPhase.Waiting)
            {
                waiting.TrySetResult();
            }
        });

        var import = new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, path), progress);
        await waiting.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var doneWhileHeld = import.IsCompleted;
        held.Rollback();
        held.Dispose();
        var result = await import.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(doneWhileHeld);
        Assert.Equal((ImportStatus.Succeeded, 1L), (result.Status, result.RowsStored));
    }

    [Fact]
    public async Task A_running_import_holds_its_owner_lock_so_a_sweep_leaves_it_running_and_releases_the_lock_with_its_outcome()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Shop");
        var path = StoreGenerator.WriteFiles(db.Folder, new StoreGeneratorOptions(20_000, 0, 3))[0];
        var imports = new InterruptedImports(db.Database);
        (long Id, bool Held, int Marked)? seen = null;
        var progress = new InlineProgress(p =>
        {
            if (p.Phase == ImportPhase.Reading && seen is null)
            {
                // On the import's own thread, mid-file: what another process's start would find.
                var id = db.CountAsync($"SELECT Id FROM Imports WHERE Status = {(int)ImportStatus.Running}").GetAwaiter().GetResult();
                seen = (id, OwnerLock.IsHeld(imports.LockPath((int)id)), imports.SweepAsync(TimeSpan.FromSeconds(1)).GetAwaiter().GetResult().Count);
            }
        });

        var result = await new ImportService(db.Database).ImportAsync(new ImportRequest(store.Id, ImportKind.Events, path), progress);

        Assert.Equal((result.ImportId, true, 0), seen);
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.False(File.Exists(imports.LockPath(result.ImportId)));
    }

    [Fact]
    public async Task A_running_record_whose_owner_lock_is_free_is_marked_interrupted_by_a_sweep()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = await db.Stores.GetOrCreateAsync("Shop");
        var done = await db.ImportAsync(ImportKind.Events, Fixture.Path("canonical-events.csv"), "Shop");
        await using (var context = db.Database.CreateContext())
        {
            // What a killed process leaves: its record Running, its lock file there but held by nobody.
            context.Imports.Add(new ImportRun { StoreId = store.Id, FileName = "killed.csv", StartedUtc = DateTime.UtcNow, Status = ImportStatus.Running });
            await context.SaveChangesAsync();
        }

        var killed = (int)await db.CountAsync($"SELECT Id FROM Imports WHERE Status = {(int)ImportStatus.Running}");
        var imports = new InterruptedImports(db.Database);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(imports.LockPath(killed))!);
        await File.WriteAllBytesAsync(imports.LockPath(killed), []);

        var marked = await imports.SweepAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([killed], marked);
        var history = await new ImportHistory(db.Database).ListAsync(store.Id);
        Assert.Equal(
            [("killed.csv", ImportStatus.Interrupted, InterruptedImports.Message), ("canonical-events.csv", ImportStatus.Succeeded, (string?)null)],
            history.Select(i => (i.FileName, i.Status, i.Message)));
        Assert.NotNull(history[0].FinishedUtc);
        Assert.False(File.Exists(imports.LockPath(killed)));
        Assert.Equal(done.ImportId, history[1].Id);
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
