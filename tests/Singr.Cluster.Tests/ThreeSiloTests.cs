using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Cluster.Tests;

public sealed class ThreeSiloTests : IAsyncLifetime
{
    private readonly List<TestSilo> _silos = [];
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.ExecuteAsync(CounterGrain.HistoryTableSql);
        for (var i = 0; i < 3; i++)
        {
            _silos.Add(await TestSilo.StartAsync(_database, TestGrains.Register));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await _database.DisposeAsync();
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

        var history = await _database.ColumnAsync<string>(
            "SELECT grain_key || '|' || count(*) || '|' || count(DISTINCT silo) || '|' || min(version) || '|' || max(version) " +
            "FROM counter_history GROUP BY grain_key");
        Assert.Equal(200, history.Count);
        Assert.All(history, row => Assert.EndsWith("|10|1|1|10", row, StringComparison.Ordinal));
        var silosUsed = await _database.ScalarAsync<long>("SELECT count(DISTINCT silo) FROM counter_history");
        Assert.Equal(3, silosUsed);
    }
}
