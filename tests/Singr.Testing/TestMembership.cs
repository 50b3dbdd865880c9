using System.Globalization;

namespace Singr.Testing;

/// <summary>
/// Orleans membership timings for tests that kill silos: a silo that stopped answering is declared dead within a few
/// seconds, while one that is merely slow (a whole suite on two cores, a GC pause) is not. Bound by every Singr silo
/// from <c>Singr:Orleans:Membership</c> (Orleans's <c>ClusterMembershipOptions</c>).
/// </summary>
public static class TestMembership
{
    /// <summary>
    /// Probes time out after 2 s (Orleans adapts the timeout, and the period between probes, to how fast the peer
    /// answers, here never below 2 s nor above 8 s); 3 misses in a row make a suspect, and both other silos of a
    /// three-silo cluster must vote. So a silo must stall for 6 s or more to be suspected: a silo starved of CPU for a
    /// second or two (a whole suite on two cores, a GC pause) keeps its place, and a peer whose connection carried
    /// messages within the last 8 s × 3 is not voted against at all (Orleans's connection liveness check, on by
    /// default). A killed silo refuses connections at once, so it is declared dead after about three probe periods.
    /// (1 s probes declared a killed silo dead in under 4 s, but also declared a joining silo dead on a machine at a
    /// load of 38.)
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Singr:Orleans:Membership:ProbeTimeout"] = Format(TimeSpan.FromSeconds(2)),
        ["Singr:Orleans:Membership:MinProbeTimeout"] = Format(TimeSpan.FromSeconds(2)),
        ["Singr:Orleans:Membership:MaxProbeTimeout"] = Format(TimeSpan.FromSeconds(8)),
        ["Singr:Orleans:Membership:NumMissedProbesLimit"] = "3",
        ["Singr:Orleans:Membership:NumVotesForDeathDeclaration"] = "2",
        ["Singr:Orleans:Membership:DeathVoteExpirationTimeout"] = Format(TimeSpan.FromSeconds(30)),
        // The table is read every 2 s besides the gossip, and each silo writes its heartbeat every 2 s: a silo that
        // died without a word is stale after 4 s, so a silo starting then does not wait to reach it.
        ["Singr:Orleans:Membership:TableRefreshTimeout"] = Format(TimeSpan.FromSeconds(2)),
        ["Singr:Orleans:Membership:IAmAliveTablePublishTimeout"] = Format(TimeSpan.FromSeconds(2)),
    };

    /// <summary>The same settings as environment variables (<c>Singr__Orleans__Membership__ProbeTimeout</c>, …).</summary>
    public static IEnumerable<KeyValuePair<string, string>> AsEnvironment() =>
        Settings.Select(setting => KeyValuePair.Create(setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value));

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
