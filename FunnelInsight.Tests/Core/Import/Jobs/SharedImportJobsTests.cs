using FunnelInsight.Core.Import.Jobs;

namespace FunnelInsight.Tests.Core.Import.Jobs;

/// <summary>The shared jobs table on PostgreSQL: claims that race, leases that pass, renewals and cancel requests.</summary>
public sealed class SharedImportJobsTests : IAsyncLifetime, IRunsOnPostgres
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private TempDatabase _db = null!;
    private SharedImportJobs _jobs = null!;
    private int _storeId;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync(DatabaseProvider.Postgres);
        _jobs = new SharedImportJobs(_db.Database, Path.Combine(_db.Folder, "uploads"));
        _storeId = (await _db.Stores.GetOrCreateAsync("Jobs shop")).Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [ProviderFact]
    public async Task Two_claimers_racing_for_one_job_never_both_win_in_thirty_rounds()
    {
        for (var round = 0; round < 30; round++)
        {
            var id = await EnqueueAsync($"round-{round}.csv");
            var claims = await RaceAsync(2, claimer => _jobs.ClaimAsync(claimer, Lease));

            var winners = claims.Where(c => c.Claim is not null).ToList();
            var winner = Assert.Single(winners);
            Assert.Equal(id, winner.Claim!.Id);
            Assert.Equal(winner.Claimer, (await _jobs.StatusAsync(id))!.Owner);
        }
    }

    [ProviderFact]
    public async Task Forty_jobs_claimed_by_two_racing_claimers_are_each_claimed_exactly_once()
    {
        var queued = new HashSet<long>();
        for (var i = 0; i < 40; i++)
        {
            queued.Add(await EnqueueAsync($"job-{i}.csv"));
        }

        var taken = await RaceAsync(2, async claimer =>
        {
            var mine = new List<long>();
            while (await _jobs.ClaimAsync(claimer, Lease) is { } claim)
            {
                mine.Add(claim.Id);
            }

            return mine;
        });

        var all = taken.SelectMany(t => t.Claim).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(queued, all.ToHashSet());
    }

    [ProviderFact]
    public async Task A_running_job_is_claimed_again_only_once_its_lease_has_passed_and_the_old_owner_then_holds_it_no_more()
    {
        var id = await EnqueueAsync("events.csv");
        var first = await _jobs.ClaimAsync("dead", TimeSpan.FromMilliseconds(300));
        Assert.Equal((id, 1, (int?)null), (first!.Id, first.Attempt, first.PreviousImportId));
        Assert.True((await _jobs.RenewAsync(id, "dead", TimeSpan.FromMilliseconds(300), new ImportProgress(ImportPhase.Reading, 10, 100, 2, 77))).Held);

        Assert.Null(await _jobs.ClaimAsync("live", Lease));
        await WaitUntilAsync(async () => await _jobs.ClaimAsync("live", Lease) is { } again && again.Id == id);

        var status = (await _jobs.StatusAsync(id))!;
        Assert.Equal(("live", ImportJobState.Running, 77), (status.Owner, status.State, status.Progress.ImportId));
        Assert.False((await _jobs.RenewAsync(id, "dead", Lease, new ImportProgress(ImportPhase.Reading, 50, 100, 9, 77))).Held);
        Assert.False(await _jobs.EndAsync(id, "dead", 77));
        Assert.True(await _jobs.EndAsync(id, "live", 78));
        Assert.Equal((ImportJobState.Ended, 78), ((await _jobs.StatusAsync(id))!.State, (await _jobs.StatusAsync(id))!.Progress.ImportId));
    }

    [ProviderFact]
    public async Task A_renewal_writes_the_progress_other_instances_read_and_reports_a_cancel_asked_for_elsewhere()
    {
        var id = await EnqueueAsync("events.csv");
        await _jobs.ClaimAsync("runner", Lease);

        var beforeCancel = await _jobs.RenewAsync(id, "runner", Lease, new ImportProgress(ImportPhase.BuildingRollups, 640, 1000, 12, 5));
        await _jobs.RequestCancelAsync(id);
        var afterCancel = await _jobs.RenewAsync(id, "runner", Lease, new ImportProgress(ImportPhase.BuildingRollups, 1000, 1000, 20, 5));

        Assert.Equal((true, false), beforeCancel);
        Assert.Equal((true, true), afterCancel);
        var seen = Assert.Single(await _jobs.ActiveAsync(_storeId));
        // The total is the upload's size as queued.
        Assert.Equal(new ImportProgress(ImportPhase.BuildingRollups, 1000, 100, 20, 5), seen.Progress);
    }

    [ProviderFact]
    public async Task An_upload_in_the_shared_folder_is_kept_relative_so_an_instance_mounting_it_elsewhere_finds_it()
    {
        var file = Path.Combine(_jobs.UploadsFolder, "store-1", "upload-x.csv");
        await _jobs.EnqueueAsync(new ImportRequest(_storeId, ImportKind.Orders, file, "orders.csv", DateOrder: FunnelInsight.Core.Import.Reading.DateOrder.Dmy), 42);
        var elsewhere = new SharedImportJobs(_db.Database, Path.Combine(_db.Folder, "mounted", "uploads"));

        var claim = (await elsewhere.ClaimAsync("other", Lease))!;

        Assert.Equal(Path.Combine(elsewhere.UploadsFolder, "store-1", "upload-x.csv"), claim.Request.FilePath);
        Assert.Equal((ImportKind.Orders, "orders.csv", FunnelInsight.Core.Import.Reading.DateOrder.Dmy, 42L), (claim.Request.Kind, claim.Request.FileName, claim.Request.DateOrder, claim.FileSize));
    }

    private Task<long> EnqueueAsync(string name) =>
        _jobs.EnqueueAsync(new ImportRequest(_storeId, ImportKind.Events, Path.Combine(_jobs.UploadsFolder, name), name), 100);

    // Starts every claimer at the same moment, each on its own thread and connection.
    private static async Task<IReadOnlyList<(string Claimer, T Claim)>> RaceAsync<T>(int claimers, Func<string, Task<T>> claim)
    {
        using var start = new Barrier(claimers);
        var tasks = Enumerable.Range(0, claimers).Select(i => Task.Run(async () =>
        {
            var name = $"instance-{i}";
            start.SignalAndWait();
            return (name, await claim(name));
        })).ToList();
        return await Task.WhenAll(tasks);
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition) =>
        Eventually.HoldsAsync(condition, TimeSpan.FromMinutes(1), () => "the condition did not come true within a minute", pollMilliseconds: 50);
}
