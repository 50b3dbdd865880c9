using Singr.Testing.Grains;

namespace Singr.Silo.Tests;

/// <summary>
/// What the callers of a draining or dead silo see: calls that never ran are sent again until the cluster answers;
/// calls that may have run are sent again only if repeating them is harmless.
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class UnansweredCallTests(ClusterFixture fixture)
{
    private IUnansweredCallGrain Grain() => fixture.Grains.GetGrain<IUnansweredCallGrain>($"unanswered-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_call_rejected_by_a_stopping_silo_is_sent_again_and_the_caller_gets_its_answer()
    {
        Assert.Equal(4, await Grain().RejectedFirst(times: 3));
    }

    [Fact]
    public async Task A_call_rejected_every_time_reaches_the_caller_as_a_rejection_after_six_tries()
    {
        var grain = Grain();

        await Assert.ThrowsAsync<OrleansMessageRejectionException>(() => grain.RejectedFirst(times: 1_000));

        // The next call is the seventh the grain received: the first try and five more.
        Assert.Equal(7, await grain.RejectedFirst(times: 6));
    }

    [Fact]
    public async Task A_call_that_may_have_run_is_not_sent_again_when_repeating_it_could_do_it_twice()
    {
        var grain = Grain();

        await Assert.ThrowsAsync<TimeoutException>(() => grain.TimedOutFirst(times: 1));

        Assert.Equal(2, await grain.TimedOutFirst(times: 1));
    }

    [Fact]
    public async Task An_idempotent_call_that_may_have_run_is_sent_again_once()
    {
        var grain = Grain();

        Assert.Equal(2, await grain.IdempotentTimedOutFirst(times: 1));
    }

    [Fact]
    public async Task An_idempotent_call_that_times_out_twice_reaches_the_caller_as_a_timeout()
    {
        var grain = Grain();

        await Assert.ThrowsAsync<TimeoutException>(() => grain.IdempotentTimedOutFirst(times: 2));

        Assert.Equal(3, await grain.IdempotentTimedOutFirst(times: 2));
    }
}
