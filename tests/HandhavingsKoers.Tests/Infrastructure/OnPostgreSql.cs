using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("HandhavingsKoers.Tests.Infrastructure.ProviderTestFramework", "HandhavingsKoers.Tests")]

namespace HandhavingsKoers.Tests.Infrastructure;

/// <summary>
/// Marks a test class that runs its (inherited) tests on PostgreSQL: <c>public sealed class XOnPostgreSqlTests() :
/// XTests(StorageProvider.PostgreSql);</c>. Where PostgreSQL's server programs are not installed, its tests are
/// reported as skipped (as the browser tests are without Chromium), unless HK_REQUIRE_POSTGRES=1 (as in CI): then
/// they run and fail, so a skip can never pass for a success there (<see cref="PostgresServer.SkipReason"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OnPostgreSqlAttribute : Attribute;

/// <summary>
/// xUnit's own framework, except that the tests of a class marked <see cref="OnPostgreSqlAttribute"/> are
/// discovered as skipped when PostgreSQL is missing. xUnit 2 can skip a test only by its attribute, and the
/// attribute of an inherited test is the base class's, which also runs on SQLite.
/// </summary>
public sealed class ProviderTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, sources, diagnostics)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (PostgresServer.SkipReason is { } reason
                && testMethod.TestClass.Class.GetCustomAttributes(typeof(OnPostgreSqlAttribute)).Any()
                && testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                var skipped = new XunitSkippedDataRowTestCase(
                    DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
                return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
            }

            return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
        }
    }
}
