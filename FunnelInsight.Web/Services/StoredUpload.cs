namespace FunnelInsight.Web.Services;

/// <summary>An uploaded file kept, under a name of our own, in its store's folder until its import ends.</summary>
/// <param name="Path">Where the file is on disk (outside the web root).</param>
/// <param name="FileName">The user's file name, sanitised, for display and the import record.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record StoredUpload(string Path, string FileName, long Length);
