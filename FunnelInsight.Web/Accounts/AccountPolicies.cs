namespace FunnelInsight.Web.Accounts;

/// <summary>Names of the authorisation policies.</summary>
public static class AccountPolicies
{
    /// <summary>Signed in with a personal API token (<c>Authorization: Bearer …</c>); anything else gets 401.</summary>
    public const string ApiToken = "ApiToken";
}
