namespace FunnelInsight.Core.Import.Jobs;

/// <summary>A shared import job as the table holds it, for a page that watches a job another instance may be running.</summary>
/// <param name="Id">The job.</param>
/// <param name="StoreId">Its store.</param>
/// <param name="FileName">The name the user knows the file by.</param>
/// <param name="State">Queued, running or ended.</param>
/// <param name="Progress">How far its latest attempt has come (as its owner last wrote it).</param>
/// <param name="Owner">The instance running it, while it runs.</param>
public sealed record ImportJobStatus(long Id, int StoreId, string FileName, ImportJobState State, ImportProgress Progress, string? Owner);
