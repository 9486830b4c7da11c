using Xunit.Abstractions;
using Xunit.Sdk;

namespace FunnelInsight.Tests.Support;

/// <summary>Marks a test class whose tests run against the ClickHouse server of <see cref="TestServers"/>.</summary>
public interface IClickHouseTests;

/// <summary>
/// A fact that runs on every engine its class is for: skipped, with how to run it, in a class marked
/// <see cref="IClickHouseTests"/> when no ClickHouse server is configured (and <c>FUNNELINSIGHT_REQUIRE_SERVERS</c> is not 1).
/// A base class of tests shared by the engines uses it, and each engine's derived class decides.
/// </summary>
[XunitTestCaseDiscoverer("FunnelInsight.Tests.Support.EngineFactDiscoverer", "FunnelInsight.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute;

/// <summary>A theory that runs on every engine its class is for, as <see cref="EngineFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("FunnelInsight.Tests.Support.EngineTheoryDiscoverer", "FunnelInsight.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineTheoryAttribute : TheoryAttribute;

/// <summary>Finds <see cref="EngineFactAttribute"/> tests, skipped when their class's server is missing.</summary>
/// <param name="diagnosticMessageSink">xunit's diagnostics.</param>
public sealed class EngineFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        EngineSkip.Reason(testMethod) is { } reason
            ? [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Finds <see cref="EngineTheoryAttribute"/> tests, skipped when their class's server is missing.</summary>
/// <param name="diagnosticMessageSink">xunit's diagnostics.</param>
public sealed class EngineTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        EngineSkip.Reason(testMethod) is { } reason
            ? CreateTestCasesForSkip(discoveryOptions, testMethod, theoryAttribute, reason)
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class EngineSkip
{
    public static string? Reason(ITestMethod testMethod) =>
        typeof(IClickHouseTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) ? TestServers.ClickHouseSkipReason : null;
}
