namespace FunnelInsight.Tests.Web;

/// <summary>The HTTP account tests share one running app (starting one takes seconds).</summary>
[CollectionDefinition(AccountsApp.Collection)]
public sealed class AccountsAppGroup : ICollectionFixture<AccountsApp>;
