using Singr.Testing.Grains;
using Singr.Testing;

namespace Singr.Silo.Tests;

/// <summary>
/// Two silos on one database, both activating the same grain because the directory is bypassed: the split brain the
/// directory normally prevents. The version check on every state write must still prevent any lost update.
/// </summary>
public sealed class StateVersionTests : DatabaseTest
{
    private TestSilo _siloA = null!;
    private TestSilo _siloB = null!;

    protected override async Task SetUpAsync()
    {
        await Database.ExecuteAsync(CounterGrain.HistoryTableSql);
        _siloA = await TestSilo.StartAsync(Database, TestGrains.Register, o => o.UseGrainDirectory = false);
        _siloB = await TestSilo.StartAsync(Database, TestGrains.Register, o => o.UseGrainDirectory = false);
    }

    protected override async Task TearDownAsync()
    {
        await _siloA.DisposeAsync();
        await _siloB.DisposeAsync();
    }

    [Fact]
    public async Task The_activation_that_loses_a_version_race_is_replaced_and_its_call_succeeds_on_fresh_state()
    {
        var onA = _siloA.GrainFactory.GetGrain<ICounterGrain>("raced");
        var onB = _siloB.GrainFactory.GetGrain<ICounterGrain>("raced");
        Assert.Equal(1, await onA.Increment());
        Assert.Equal(1, await onB.GetCount());
        var staleActivation = await onB.GetActivationId();

        Assert.Equal(2, await onA.Increment());
        var afterRetry = await onB.Increment();

        Assert.Equal(3, afterRetry);
        Assert.NotEqual(staleActivation, await onB.GetActivationId());
        Assert.Equal(4, await onA.Increment());
    }

    [Fact]
    public async Task Interleaved_increments_from_two_activations_never_lose_an_update()
    {
        var onA = _siloA.GrainFactory.GetGrain<ICounterGrain>("contended");
        var onB = _siloB.GrainFactory.GetGrain<ICounterGrain>("contended");

        var calls = Enumerable.Range(0, 200)
            .Select(i => Task.Run(async () =>
            {
                try
                {
                    return (Acknowledged: true, Count: await (i % 2 == 0 ? onA : onB).Increment());
                }
                catch (Singr.Silo.Runtime.GrainTransientException)
                {
                    return (Acknowledged: false, Count: 0L);
                }
            }))
            .ToList();
        var outcomes = await Task.WhenAll(calls);
        var acknowledged = outcomes.Where(o => o.Acknowledged).ToList();

        var history = await Database.ColumnAsync<long>(
            "SELECT count FROM counter_history WHERE grain_key = 'contended' ORDER BY version");
        var versions = await Database.ColumnAsync<long>(
            "SELECT version FROM counter_history WHERE grain_key = 'contended' ORDER BY version");
        var storedVersion = await Database.ScalarAsync<long>(
            "SELECT version FROM grain_state WHERE grain_type = 'counter' AND grain_key = 'contended'");

        Assert.True(GrainProbe.Activations["contended"] > 2, "the two activations raced, and losers were replaced");
        Assert.NotEmpty(acknowledged);
        Assert.Equal(acknowledged.Count, history.Count);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), versions);
        Assert.Equal(versions, history);
        Assert.Equal(history.Count, storedVersion);
        Assert.Equal(acknowledged.Select(o => o.Count).Order(), history);
    }
}
