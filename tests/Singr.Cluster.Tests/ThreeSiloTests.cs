using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Cluster.Tests;

public sealed class ThreeSiloTests : DatabaseTest
{
    private readonly List<TestSilo> _silos = [];

    protected override async Task SetUpAsync()
    {
        await Database.ExecuteAsync(CounterGrain.HistoryTableSql);
        for (var i = 0; i < 3; i++)
        {
            // No silo fails here, so none may be declared dead: a CI machine busy with the rest of the suite once
            // starved one for the default 4 s, the others took its grains over (as they must), and "one activation
            // each" no longer held. Failover has its own tests.
            _silos.Add(await TestSilo.StartAsync(Database, TestGrains.Register, options => options.MissedHeartbeatsBeforeDead = 40));
        }
    }

    protected override async Task TearDownAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    [Fact]
    public async Task Two_thousand_calls_over_two_hundred_grains_through_every_silo_count_exactly_with_one_activation_each()
    {
        var keys = Enumerable.Range(0, 200).Select(i => $"spread-{i}").ToList();
        var calls = Enumerable.Range(0, 2000).Select(i => Task.Run(() =>
            _silos[i % 3].GrainFactory.GetGrain<ICounterGrain>(keys[i % 200]).Increment()));

        await Task.WhenAll(calls);

        foreach (var key in keys)
        {
            Assert.Equal(10, await _silos[0].GrainFactory.GetGrain<ICounterGrain>(key).GetCount());
        }

        var history = await Database.ColumnAsync<string>(
            "SELECT grain_key || '|' || count(*) || '|' || count(DISTINCT silo) || '|' || min(version) || '|' || max(version) " +
            "FROM counter_history GROUP BY grain_key");
        Assert.Equal(200, history.Count);
        Assert.All(history, row => Assert.EndsWith("|10|1|1|10", row, StringComparison.Ordinal));
        var silosUsed = await Database.ScalarAsync<long>("SELECT count(DISTINCT silo) FROM counter_history");
        Assert.Equal(3, silosUsed);
    }
}
