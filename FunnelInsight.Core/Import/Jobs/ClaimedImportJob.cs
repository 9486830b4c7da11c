namespace FunnelInsight.Core.Import.Jobs;

/// <summary>A shared import job an instance has claimed.</summary>
/// <param name="Id">The job.</param>
/// <param name="Request">What to import (the upload's path made absolute).</param>
/// <param name="FileSize">The upload's size in bytes.</param>
/// <param name="Attempt">1 for a first claim; more when it is taken over from an instance that stopped renewing its lease.</param>
/// <param name="PreviousImportId">The import record of the attempt taken over, if it got as far as making one.</param>
public sealed record ClaimedImportJob(long Id, ImportRequest Request, long FileSize, int Attempt, int? PreviousImportId);
