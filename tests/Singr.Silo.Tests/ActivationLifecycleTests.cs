using Singr.Testing.Grains;
using Singr.Testing;

namespace Singr.Silo.Tests;

public sealed class ActivationLifecycleTests : DatabaseTest
{
    [Fact]
    public async Task An_idle_grain_is_deactivated_after_the_configured_period_but_a_busy_one_is_not()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register, o =>
        {
            o.IdleTimeout = TimeSpan.FromSeconds(1);
            o.CollectionInterval = TimeSpan.FromMilliseconds(100);
        });
        var idleKey = $"idle-{Guid.NewGuid():N}";
        var busyKey = $"busy-{Guid.NewGuid():N}";
        await silo.GrainFactory.GetGrain<ITimerGrain>(idleKey).Ping();
        var busy = silo.GrainFactory.GetGrain<ITimerGrain>(busyKey);

        var busyUntil = DateTime.UtcNow.AddSeconds(3);
        while (DateTime.UtcNow < busyUntil)
        {
            await busy.Ping();
            await Task.Delay(100);
        }

        Assert.False(GrainProbe.Deactivations.ContainsKey(busyKey), "a grain called every 100 ms stays active");
        await Eventually.TrueAsync(() => GrainProbe.Deactivations.ContainsKey(idleKey), TimeSpan.FromSeconds(10), "the idle grain is collected");
        Assert.Equal(["IdleTimeout"], GrainProbe.Deactivations[idleKey]);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM grain_directory WHERE grain_key = $1", idleKey));

        await silo.GrainFactory.GetGrain<ITimerGrain>(idleKey).Ping();
        Assert.Equal(2, GrainProbe.Activations[idleKey]);
    }

    [Fact]
    public async Task The_default_idle_period_is_fifteen_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), new Singr.Silo.Hosting.SiloOptions().IdleTimeout);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_running_silo_has_a_membership_row_with_heartbeats_and_a_directory_row_per_activation()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register, o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(200));
        var key = $"registered-{Guid.NewGuid():N}";
        await silo.GrainFactory.GetGrain<ITimerGrain>(key).Ping();

        var firstHeartbeat = await Database.ScalarAsync<DateTime>(
            "SELECT m.heartbeat_at FROM silo_membership m JOIN grain_directory d ON d.silo_id = m.silo_id " +
            "WHERE d.grain_key = $1 AND m.status = 'active'", key);
        await Eventually.TrueAsync(
            async () => await Database.ScalarAsync<DateTime>(
                "SELECT m.heartbeat_at FROM silo_membership m JOIN grain_directory d ON d.silo_id = m.silo_id WHERE d.grain_key = $1", key) > firstHeartbeat,
            TimeSpan.FromSeconds(5),
            "the silo heartbeats");
    }

    [Fact]
    public async Task A_graceful_stop_finishes_calls_in_flight_deactivates_every_grain_and_marks_the_silo_stopped()
    {
        await Database.ExecuteAsync(CounterGrain.HistoryTableSql);
        var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        var timerKey = $"stopping-{Guid.NewGuid():N}";
        await silo.GrainFactory.GetGrain<ITimerGrain>(timerKey).Ping();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("in-flight");
        Assert.Equal(1, await counter.Increment());
        var inFlight = Enumerable.Range(0, 100).Select(_ => counter.Increment()).ToList();

        await silo.StopAsync();

        Assert.Equal(Enumerable.Range(2, 100).Select(i => (long)i), (await Task.WhenAll(inFlight)).Order());
        Assert.Equal(["SiloShuttingDown"], GrainProbe.Deactivations[timerKey]);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM grain_directory"));
        Assert.Equal(["stopped"], await Database.ColumnAsync<string>("SELECT status FROM silo_membership"));
        await Assert.ThrowsAsync<Singr.Silo.Runtime.SiloUnavailableException>(() => counter.Increment());
        await silo.DisposeAsync();
    }

    [Fact]
    public async Task A_silo_restarted_at_the_same_address_after_a_crash_takes_over_its_predecessors_grains()
    {
        await Database.ExecuteAsync(
            "INSERT INTO silo_membership (silo_id, address, generation, status) VALUES ('00000000-0000-0000-0000-00000000dead', 'http://crashed-host:5080', 1, 'active')");
        await Database.ExecuteAsync(
            "INSERT INTO grain_directory (grain_type, grain_key, silo_id, activation_id) VALUES ('timer', 'orphan', '00000000-0000-0000-0000-00000000dead', gen_random_uuid())");

        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register, o => o.Address = "http://crashed-host:5080");
        await silo.GrainFactory.GetGrain<ITimerGrain>("orphan").Ping();

        Assert.Equal("dead", await Database.ScalarAsync<string>(
            "SELECT status FROM silo_membership WHERE silo_id = '00000000-0000-0000-0000-00000000dead'"));
        Assert.Equal("active", await Database.ScalarAsync<string>(
            "SELECT m.status FROM grain_directory d JOIN silo_membership m ON m.silo_id = d.silo_id WHERE d.grain_key = 'orphan'"));
    }
}
