using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Silo.Tests;

[Collection(TwoSiloCluster.Name)]
public sealed class ReminderTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_reminder_registered_before_the_whole_cluster_restarts_fires_on_the_new_silos()
    {
        var key = $"reminded-{Guid.NewGuid():N}";
        await fixture.Grains.GetGrain<IReminderGrain>(key).Remind("wake-up", dueTime: TimeSpan.FromSeconds(1), period: TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(
            async () => (await fixture.Grains.GetGrain<IReminderGrain>(key).GetTicks()).Count >= 1,
            TimeSpan.FromSeconds(20),
            "the reminder ticks before the restart");
        var oldSilos = fixture.Cluster.Silos.Select(s => s.SiloAddress.ToString()).ToHashSet(StringComparer.Ordinal);

        await fixture.RestartClusterAsync();
        var grain = fixture.Grains.GetGrain<IReminderGrain>(key);
        var ticksAfterRestart = await grain.GetTicks();
        await Eventually.TrueAsync(
            async () => (await grain.GetTicks()).Skip(ticksAfterRestart.Count).Any(),
            TimeSpan.FromSeconds(30),
            "the reminder ticks on the restarted silos");

        var ticks = await grain.GetTicks();
        var newSilos = fixture.Cluster.Silos.Select(s => s.SiloAddress.ToString()).ToHashSet(StringComparer.Ordinal);
        Assert.All(ticks, tick => Assert.Equal("wake-up", tick.ReminderName));
        Assert.Contains(ticks.Skip(ticksAfterRestart.Count), tick => newSilos.Contains(tick.Silo));
        Assert.DoesNotContain(ticks.Skip(ticksAfterRestart.Count), tick => oldSilos.Contains(tick.Silo));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'wake-up' AND grain_id LIKE '%' || $1", key));
        await grain.Forget("wake-up");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'wake-up' AND grain_id LIKE '%' || $1", key));
    }
}
