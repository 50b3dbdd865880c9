using Singr.Testing.Grains;

namespace Singr.Silo.Tests;

[Collection(TwoSiloCluster.Name)]
public sealed class TurnBasedExecutionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_thousand_concurrent_calls_on_one_grain_never_overlap_and_all_thousand_survive_a_cluster_restart()
    {
        var key = $"busy-{Guid.NewGuid():N}";
        var counter = fixture.Grains.GetGrain<ICounterGrain>(key);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(counter.Increment)));

        Assert.False(await counter.GetOverlapDetected(), "two calls of one activation ran at the same time");
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order());
        var before = await counter.Describe();

        await fixture.RestartClusterAsync();

        var restarted = fixture.Grains.GetGrain<ICounterGrain>(key);
        Assert.Equal(1000, await restarted.GetCount());
        var after = await restarted.Describe();
        Assert.NotEqual(before.ActivationId, after.ActivationId);
        Assert.DoesNotContain(fixture.Cluster.Silos, silo => silo.SiloAddress.Equals(before.Silo));
        Assert.Equal(1000, after.Version);
        Assert.Equal(
            ["1000|1000"],
            await fixture.Database.ColumnAsync<string>(
                "SELECT (state->>'count') || '|' || version FROM grain_state WHERE grain_type = 'test-counter' AND grain_key = $1", key));
    }
}
