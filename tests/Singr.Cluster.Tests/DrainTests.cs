using Microsoft.Extensions.DependencyInjection;
using Singr.Silo.Cluster;
using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Cluster.Tests;

public sealed class DrainTests : DatabaseTest
{
    protected override async Task SetUpAsync()
    {
        await Database.ExecuteAsync(CounterGrain.HistoryTableSql);
    }

    [Fact]
    public async Task Stopping_a_silo_under_load_fails_no_call_and_its_grains_move_to_the_others()
    {
        var leaving = await TestSilo.StartAsync(Database, TestGrains.Register);
        await using var stayingA = await TestSilo.StartAsync(Database, TestGrains.Register);
        await using var stayingB = await TestSilo.StartAsync(Database, TestGrains.Register);
        var entries = new[] { stayingA, stayingB };
        var keys = Enumerable.Range(0, 40).Select(i => $"draining-{i}").ToList();
        var leavingId = leaving.Services.GetRequiredService<SiloIdentity>().SiloId.ToString("D");
        using var stop = new CancellationTokenSource();
        var failures = new List<Exception>();
        var acknowledged = 0;

        var load = keys.Select((key, i) => Task.Run(async () =>
        {
            var grain = entries[i % 2].GrainFactory.GetGrain<ICounterGrain>(key);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await grain.Increment();
                    Interlocked.Increment(ref acknowledged);
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex);
                    }
                }
            }
        })).ToList();
        await Eventually.TrueAsync(
            async () => await Database.ScalarAsync<long>("SELECT count(DISTINCT grain_key) FROM counter_history WHERE silo = $1", leavingId) >= 5,
            TimeSpan.FromSeconds(20),
            "the leaving silo hosts some of the grains under load");

        await leaving.DisposeAsync();
        var afterDrain = Volatile.Read(ref acknowledged);
        await Eventually.TrueAsync(() => Volatile.Read(ref acknowledged) > afterDrain + 200, TimeSpan.FromSeconds(20), "the load goes on");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        var perGrain = await Database.ColumnAsync<string>(
            "SELECT grain_key || ':' || (count(*) = max(version) AND min(version) = 1) FROM counter_history GROUP BY grain_key");
        Assert.Equal(keys.Count, perGrain.Count);
        Assert.All(perGrain, row => Assert.EndsWith(":true", row, StringComparison.Ordinal));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM grain_directory WHERE silo_id = $1::uuid", leavingId));
        Assert.Equal("stopped", await Database.ScalarAsync<string>("SELECT status FROM silo_membership WHERE silo_id = $1::uuid", leavingId));
    }
}
