using Singr.Testing.Grains;
using Singr.Testing;

namespace Singr.Silo.Tests;

public sealed class TurnBasedExecutionTests : DatabaseTest
{
    protected override async Task SetUpAsync()
    {
        await Database.ExecuteAsync(CounterGrain.HistoryTableSql);
    }

    [Fact]
    public async Task A_thousand_concurrent_calls_run_one_at_a_time_and_all_survive_a_restart()
    {
        await using (var silo = await TestSilo.StartAsync(Database, TestGrains.Register))
        {
            var counter = silo.GrainFactory.GetGrain<ICounterGrain>("busy-counter");
            var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(counter.Increment)));

            Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order());
        }

        await using var restarted = await TestSilo.StartAsync(Database, TestGrains.Register);
        Assert.Equal(1000, await restarted.GrainFactory.GetGrain<ICounterGrain>("busy-counter").GetCount());
    }

    [Fact]
    public async Task Calls_to_an_active_grain_run_in_the_order_they_arrive()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("ordered-counter");
        Assert.Equal(1, await counter.Increment());

        var pending = Enumerable.Range(0, 50).Select(_ => counter.Increment()).ToList();
        var results = await Task.WhenAll(pending);

        Assert.Equal(Enumerable.Range(2, 50).Select(i => (long)i), results);
    }

    [Fact]
    public async Task References_to_one_grain_share_its_activation_and_other_keys_get_their_own()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);

        var first = await silo.GrainFactory.GetGrain<ICounterGrain>("shared").GetActivationId();
        var second = await silo.GrainFactory.GetGrain<ICounterGrain>("shared").GetActivationId();
        var other = await silo.GrainFactory.GetGrain<ICounterGrain>("not-shared").GetActivationId();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_grain_keyed_by_guid_is_addressed_by_that_guid()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        var key = Guid.NewGuid();

        Assert.Equal(key, await silo.GrainFactory.GetGrain<IGuidKeyedGrain>(key).GetKey());
    }
}
