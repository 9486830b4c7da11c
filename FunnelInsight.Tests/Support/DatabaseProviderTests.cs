namespace FunnelInsight.Tests.Support;

/// <summary>
/// Tests that run once on each application database engine: a sealed class per engine names its
/// <see cref="Provider"/> (the PostgreSQL one also marked <see cref="IRunsOnPostgres"/>).
/// </summary>
public abstract class DatabaseProviderTests
{
    /// <summary>The engine of the application database the tests run on.</summary>
    protected abstract DatabaseProvider Provider { get; }
}
