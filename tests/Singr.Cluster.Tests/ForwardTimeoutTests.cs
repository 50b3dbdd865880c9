using System.Diagnostics;
using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Cluster.Tests;

public sealed class ForwardTimeoutTests : DatabaseTest
{
    [Fact]
    public async Task A_forwarded_call_that_outlasts_the_hop_timeout_fails_with_a_timeout_instead_of_hanging()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        await using var frontEnd = await TestSilo.StartAsync(
            Database, TestGrains.Register, role: "api", configureCluster: o => o.ForwardTimeout = TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(
            () => frontEnd.Services.GetService(typeof(Singr.Silo.Cluster.SiloLifecycle)) is Singr.Silo.Cluster.SiloLifecycle { IsActive: true },
            TimeSpan.FromSeconds(10));
        var slow = frontEnd.GrainFactory.GetGrain<ISlowGrain>("stuck");
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => slow.Sleep(TimeSpan.FromSeconds(3)));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2.5));
    }
}
