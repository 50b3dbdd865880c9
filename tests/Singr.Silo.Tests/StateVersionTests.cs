using Singr.Testing.Grains;

namespace Singr.Silo.Tests;

/// <summary>
/// Another activation's write is simulated by changing the grain's row behind its back, as a duplicate activation or
/// the survivor of a failover would: the activation that still holds the old version must not overwrite it.
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class StateVersionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_write_on_a_stale_version_is_refused_and_the_call_is_retried_on_a_fresh_activation_that_keeps_the_newer_write()
    {
        var key = $"raced-{Guid.NewGuid():N}";
        var counter = fixture.Grains.GetGrain<ICounterGrain>(key);
        Assert.Equal(1, await counter.Increment());
        var stale = await counter.Describe();
        await fixture.Database.ExecuteAsync(
            "UPDATE grain_state SET state = jsonb_set(state, '{count}', '41'), version = 2 WHERE grain_type = 'test-counter' AND grain_key = $1", key);

        var afterRetry = await counter.Increment();

        Assert.Equal(42, afterRetry);
        var fresh = await counter.Describe();
        Assert.NotEqual(stale.ActivationId, fresh.ActivationId);
        Assert.Equal(3, fresh.Version);
        Assert.Equal(
            ["42|3"],
            await fixture.Database.ColumnAsync<string>(
                "SELECT (state->>'count') || '|' || version FROM grain_state WHERE grain_type = 'test-counter' AND grain_key = $1", key));
        Assert.Equal(43, await counter.Increment());
    }

    [Fact]
    public async Task A_stale_write_whose_event_number_the_newer_write_already_used_is_retried_on_fresh_state_too()
    {
        var key = $"raced-events-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<ISideRowGrain>(key);
        Assert.Equal(5, await grain.Add(5, breakTheEvent: false));

        // The newer activation added 45 as version 2, with event 2 of the stream, in one transaction.
        await fixture.Database.ExecuteAsync(
            "UPDATE grain_state SET state = '{\"total\": 50, \"eventSeq\": 2}', version = 2 WHERE grain_type = 'test-side-rows' AND grain_key = $1", key);
        await fixture.Database.ExecuteAsync(
            "INSERT INTO stream_events (stream_id, seq, event_type, payload) VALUES ($1, 2, 'total', '{\"total\": 50}')", SideRowGrain.StreamIdFor(key));

        Assert.Equal(51, await grain.Add(1, breakTheEvent: false));
        Assert.Equal(
            ["1:5", "2:50", "3:51"],
            await fixture.Database.ColumnAsync<string>(
                "SELECT seq || ':' || (payload->>'total') FROM stream_events WHERE stream_id = $1 ORDER BY seq", SideRowGrain.StreamIdFor(key)));
    }
}
