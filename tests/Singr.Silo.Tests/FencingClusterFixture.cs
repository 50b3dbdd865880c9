namespace Singr.Silo.Tests;

/// <summary>
/// A two-silo cluster of its own for a test that has one of its silos declared dead. Silos re-read the membership table
/// every two seconds (Orleans's default is a minute), so the dead silo learns its fate, and the survivor its loss,
/// within the test.
/// </summary>
public sealed class FencingClusterFixture : ClusterFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> MembershipSettings() =>
        [new("TableRefreshTimeout", "00:00:02")];
}
