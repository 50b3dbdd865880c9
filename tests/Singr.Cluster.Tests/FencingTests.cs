using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Singr.Silo.Cluster;
using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Cluster.Tests;

public sealed class FencingTests : DatabaseTest
{
    protected override async Task SetUpAsync()
    {
        await Database.ExecuteAsync(CounterGrain.HistoryTableSql);
    }

    [Fact]
    public async Task A_silo_declared_dead_while_it_still_holds_activations_commits_nothing_more_and_stops_hosting()
    {
        await using var hung = await TestSilo.StartAsync(Database, TestGrains.Register);
        await using var healthy = await TestSilo.StartAsync(Database, TestGrains.Register);
        var hungId = hung.Services.GetRequiredService<SiloIdentity>().SiloId.ToString("D");
        var key = await KeyPlacedOnAsync(hung, hungId);

        hung.Services.GetRequiredService<MembershipAgent>().HeartbeatsPaused = true;
        await Eventually.TrueAsync(
            async () => await Database.ScalarAsync<string>("SELECT status FROM silo_membership WHERE silo_id = $1::uuid", hungId) == "dead",
            TimeSpan.FromSeconds(20),
            "the healthy silo declares the silent one dead");

        // The hung silo still has the activation and takes the call: its write is refused, and the call runs elsewhere.
        var count = await hung.GrainFactory.GetGrain<ICounterGrain>(key).Increment();

        Assert.Equal(2, count);
        Assert.Equal(
            ["1:" + hungId, "2:" + healthy.Services.GetRequiredService<SiloIdentity>().SiloId.ToString("D")],
            await Database.ColumnAsync<string>("SELECT version || ':' || silo FROM counter_history WHERE grain_key = $1 ORDER BY version", key));
        Assert.Equal(SiloStatus.Dead, hung.Services.GetRequiredService<SiloLifecycle>().Status);
        await Eventually.TrueAsync(
            () => hung.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
                && !hung.Services.GetRequiredService<Singr.Silo.Runtime.SiloRuntime>().IsActiveHere(new("counter", key)),
            TimeSpan.FromSeconds(10),
            "the fenced silo drops its activations and asks to exit");
    }

    /// <summary>Activates counters through the silo until one lands on it, and increments it once.</summary>
    private async Task<string> KeyPlacedOnAsync(TestSilo silo, string siloId)
    {
        for (var i = 0; i < 100; i++)
        {
            var key = $"fenced-{i}";
            await silo.GrainFactory.GetGrain<ICounterGrain>(key).Increment();
            var ranOn = await Database.ScalarAsync<string>("SELECT silo FROM counter_history WHERE grain_key = $1", key);
            if (ranOn == siloId)
            {
                return key;
            }
        }

        throw new InvalidOperationException("No grain was placed on the silo.");
    }
}
