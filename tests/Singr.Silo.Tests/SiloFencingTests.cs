using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Singr.Silo.Storage;
using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Silo.Tests;

public sealed class SiloFencingTests(FencingClusterFixture fixture) : IClassFixture<FencingClusterFixture>
{
    [Fact]
    public async Task A_silo_declared_dead_commits_no_more_writes_stops_itself_alone_and_its_grain_carries_on_elsewhere_from_the_last_commit()
    {
        var key = $"fenced-{Guid.NewGuid():N}";
        var counter = fixture.Grains.GetGrain<ICounterGrain>(key);
        Assert.Equal(1, await counter.Increment());
        var doomed = (await counter.Describe()).Silo;
        var doomedServices = fixture.ServicesOf(doomed);

        // Orleans's own handler would Environment.FailFast the whole test process; the TestCluster's stops one silo.
        Assert.NotEqual("Orleans.Runtime.FatalErrorHandler", doomedServices.GetRequiredService<IFatalErrorHandler>().GetType().FullName);
        var doomedLifetime = doomedServices.GetRequiredService<IHostApplicationLifetime>();

        // The call is inside the activation, its increment made in memory, when the cluster declares the silo dead: as
        // Orleans does it, the row's status and the table's version change together (a silo ignores a table whose
        // version it has already seen).
        var gate = $"fence-{key}";
        var held = counter.IncrementAtGate(gate);
        await CallGate.Arrived(gate).WaitAsync(TimeSpan.FromSeconds(15));
        await fixture.Database.ExecuteAsync(
            """
            WITH bumped AS (
                UPDATE orleans_membership_version SET version = version + 1, updated_at = now() WHERE deployment_id = $1 RETURNING deployment_id)
            UPDATE orleans_membership m SET status = 6
              FROM bumped b
             WHERE m.deployment_id = b.deployment_id AND m.address = $2 AND m.port = $3 AND m.generation = $4
            """,
            fixture.Cluster.Options.ClusterId,
            doomed.Endpoint.Address.ToString(),
            doomed.Endpoint.Port,
            doomed.Generation);
        CallGate.Open(gate);

        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => held);

        Assert.Contains(nameof(SiloFencedException), refusal.ToString(), StringComparison.Ordinal);
        Assert.Equal(["1|1"], await StateOf(key));

        // Until it has stopped, its gateway turns the client's calls away ("Silo stopping").
        await Eventually.TrueAsync(
            () => doomedLifetime.ApplicationStopped.IsCancellationRequested,
            TimeSpan.FromSeconds(60),
            "the silo reads that it is dead and stops");
        ActivationInfo? moved = null;
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    // A call that went out just before the silo's gateway closed may go unanswered: ask again.
                    moved = await counter.Describe().WaitAsync(TimeSpan.FromSeconds(10));
                    return !moved.Silo.Equals(doomed);
                }
                catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "the grain is activated on the surviving silo");
        Assert.Equal(1, moved!.Version);
        Assert.Equal(2, await counter.Increment());
        Assert.Equal(["2|2"], await StateOf(key));
    }

    private Task<List<string>> StateOf(string key) =>
        fixture.Database.ColumnAsync<string>(
            "SELECT (state->>'count') || '|' || version FROM grain_state WHERE grain_type = 'test-counter' AND grain_key = $1", key);
}
