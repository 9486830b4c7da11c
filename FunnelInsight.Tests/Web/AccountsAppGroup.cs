namespace FunnelInsight.Tests.Web;

/// <summary>The HTTP account tests share one running app (starting one takes seconds).</summary>
[CollectionDefinition(AccountsApp.Collection)]
public sealed class AccountsAppGroup : ICollectionFixture<AccountsApp>;

/// <summary>The HTTP account tests on PostgreSQL share one running app on a database of their own.</summary>
[CollectionDefinition(PostgresAccountsApp.Collection)]
public sealed class PostgresAccountsAppGroup : ICollectionFixture<PostgresAccountsApp>;
