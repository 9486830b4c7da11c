using Xunit.Abstractions;
using Xunit.Sdk;

namespace FunnelInsight.Tests.Support;

/// <summary>
/// Marks a class of tests whose base runs on every database provider: on PostgreSQL its tests are skipped, with how to
/// run them, when no server is configured (see <see cref="TestServers"/>).
/// </summary>
public interface IRunsOnPostgres;

/// <summary>A fact of a base class run once per provider by its derived classes (see <see cref="IRunsOnPostgres"/>).</summary>
[XunitTestCaseDiscoverer("FunnelInsight.Tests.Support.ProviderFactDiscoverer", "FunnelInsight.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory of a base class run once per provider by its derived classes (see <see cref="IRunsOnPostgres"/>).</summary>
[XunitTestCaseDiscoverer("FunnelInsight.Tests.Support.ProviderTheoryDiscoverer", "FunnelInsight.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

/// <summary>Finds <see cref="ProviderFactAttribute"/> tests: one skipped test case where the provider's server is missing.</summary>
public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _facts = new(diagnosticMessageSink);

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ServerMissingTestCase.Skips(testMethod)
            ? [new ServerMissingTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : _facts.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Finds <see cref="ProviderTheoryAttribute"/> tests: one skipped test case where the provider's server is missing.</summary>
public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _theories = new(diagnosticMessageSink);

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ServerMissingTestCase.Skips(testMethod)
            ? [new ServerMissingTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : _theories.Discover(discoveryOptions, testMethod, factAttribute);
}

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

    /// <summary>Whether <paramref name="testMethod"/> runs on PostgreSQL and no server is configured (nor required).</summary>
    public static bool Skips(ITestMethod testMethod) =>
        TestServers.PostgresSkipReason is not null
        && testMethod.TestClass.Class.Interfaces.Any(i => i.Name == typeof(IRunsOnPostgres).FullName);

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) => TestServers.PostgresSkipReason ?? base.GetSkipReason(factAttribute);
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
