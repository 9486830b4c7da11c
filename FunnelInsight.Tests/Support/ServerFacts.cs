using Xunit.Abstractions;
using Xunit.Sdk;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// Marks a class of tests whose base runs on every database provider: on PostgreSQL its tests are skipped, with how to
/// run them, when no server is configured (see <see cref="TestServers"/>).
/// </summary>
public interface IRunsOnPostgres;

/// <summary>
/// Marks a class of tests run on the ClickHouse event engine (a derived class of tests shared by the engines, or tests
/// of that engine alone): they are skipped, with how to run them, when no ClickHouse server is configured.
/// </summary>
public interface IClickHouseTests;

/// <summary>A fact of a base class run once per provider or event engine by its derived classes (see <see cref="IRunsOnPostgres"/>, <see cref="IClickHouseTests"/>).</summary>
[XunitTestCaseDiscoverer("FunnelInsight.Tests.Support.ProviderFactDiscoverer", "FunnelInsight.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory of a base class run once per provider or event engine by its derived classes (see <see cref="IRunsOnPostgres"/>, <see cref="IClickHouseTests"/>).</summary>
[XunitTestCaseDiscoverer("FunnelInsight.Tests.Support.ProviderTheoryDiscoverer", "FunnelInsight.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

/// <summary>
/// Finds the tests of a provider attribute: one skipped test case where the provider's server is missing, else what
/// <paramref name="found"/> (xunit's own discoverer of facts or of theories) finds.
/// </summary>
public abstract class ServerMissingDiscoverer(IMessageSink diagnosticMessageSink, IXunitTestCaseDiscoverer found) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ServerMissingTestCase.Skips(testMethod)
            ? [new ServerMissingTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : found.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Finds <see cref="ProviderFactAttribute"/> tests: one skipped test case where the provider's server is missing.</summary>
public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink)
    : ServerMissingDiscoverer(diagnosticMessageSink, new FactDiscoverer(diagnosticMessageSink));

/// <summary>Finds <see cref="ProviderTheoryAttribute"/> tests: one skipped test case where the provider's server is missing.</summary>
public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink)
    : ServerMissingDiscoverer(diagnosticMessageSink, new TheoryDiscoverer(diagnosticMessageSink));

/// <summary>A test of a provider whose server is not configured: reported as skipped with how to configure it.</summary>
public sealed class ServerMissingTestCase : XunitTestCase
{
    /// <summary>For the de-serializer.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ServerMissingTestCase()
    {
    }

    /// <summary>A skipped case of <paramref name="testMethod"/>.</summary>
    public ServerMissingTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    /// <summary>Whether <paramref name="testMethod"/> runs on a server that is not configured (nor required).</summary>
    public static bool Skips(ITestMethod testMethod) => Reason(testMethod) is not null;

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) => Reason(TestMethod) ?? base.GetSkipReason(factAttribute);

    // PostgreSQL for a class marked IRunsOnPostgres, ClickHouse for one marked IClickHouseTests.
    private static string? Reason(ITestMethod testMethod)
    {
        var interfaces = testMethod.TestClass.Class.Interfaces.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return (interfaces.Contains(typeof(IRunsOnPostgres).FullName!) ? TestServers.PostgresSkipReason : null)
            ?? (interfaces.Contains(typeof(IClickHouseTests).FullName!) ? TestServers.ClickHouseSkipReason : null);
    }
}

/// <summary>A test that needs the PostgreSQL server: skipped, with how to run it, when none is configured (see <see cref="TestServers"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Skips the test when no server is configured and none is required.</summary>
    public PostgresFactAttribute()
    {
        if (TestServers.PostgresSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
