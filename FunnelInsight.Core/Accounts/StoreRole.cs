namespace FunnelInsight.Core.Accounts;

/// <summary>What a member may do in a store; each role can do everything the ones below it can.</summary>
public enum StoreRole
{
    /// <summary>Views the dashboard.</summary>
    Marketer = 0,

    /// <summary>Views and exports reports.</summary>
    Analyst = 1,

    /// <summary>Uploads, deletes imports and the store, manages members and the stage map.</summary>
    Owner = 2,
}
