namespace FunnelInsight.Web.Accounts;

/// <summary>Claim types FunnelInsight adds beside Identity's own.</summary>
public static class AccountClaims
{
    /// <summary>On a request signed with an API token limited to one store: that store's id.</summary>
    public const string TokenStore = "funnelinsight:token-store";

    /// <summary>On a request signed with an API token: the token's id.</summary>
    public const string TokenId = "funnelinsight:token-id";

    /// <summary>
    /// On a request that carried the running instance's operator token from this machine (the command line): the
    /// stores without members are the caller's, as they are the command line's on the database files.
    /// </summary>
    public const string Operator = "funnelinsight:operator";
}
