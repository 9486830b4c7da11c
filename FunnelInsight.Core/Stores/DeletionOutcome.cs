namespace FunnelInsight.Core.Stores;

/// <summary>What became of a request to delete an import or a store.</summary>
public enum DeletionOutcome
{
    /// <summary>Deleted, with everything it held.</summary>
    Deleted,

    /// <summary>There is no such import or store (of that store): nothing was deleted.</summary>
    NotFound,

    /// <summary>
    /// The import (or an import into the store) is still running, or waiting to run: nothing was deleted. The deletion
    /// waits for the write turn first, so an import that is storing finishes before this is decided.
    /// </summary>
    ImportRunning,
}
