using Singr.Testing.Grains;
using Singr.Testing;

namespace Singr.Silo.Tests;

public sealed class TimerAndReminderTests : DatabaseTest
{
    [Fact]
    public async Task A_timer_ticks_without_overlapping_while_active_and_stops_after_deactivation()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register);
        var key = $"ticking-{Guid.NewGuid():N}";
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>(key);

        await grain.StartTimer(period: TimeSpan.FromMilliseconds(20), tickDuration: TimeSpan.FromMilliseconds(60));
        await Eventually.TrueAsync(() => GrainProbe.TimerTicks.GetValueOrDefault(key) >= 5, TimeSpan.FromSeconds(10));
        await grain.Deactivate();
        await Eventually.TrueAsync(() => GrainProbe.Deactivations.ContainsKey(key), TimeSpan.FromSeconds(10));
        var ticksAtDeactivation = GrainProbe.TimerTicks.GetValueOrDefault(key);
        await Task.Delay(TimeSpan.FromMilliseconds(400));

        Assert.Equal(ticksAtDeactivation, GrainProbe.TimerTicks.GetValueOrDefault(key));
        Assert.Equal(0, GrainProbe.OverlappingTicks.GetValueOrDefault(key));
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it_and_activates_its_grain()
    {
        var key = $"reminded-{Guid.NewGuid():N}";
        await using (var silo = await TestSilo.StartAsync(Database, TestGrains.Register))
        {
            await silo.GrainFactory.GetGrain<IReminderGrain>(key)
                .Remind("wake-up", dueTime: TimeSpan.FromSeconds(2), period: TimeSpan.FromMinutes(10));
        }

        Assert.False(GrainProbe.Reminders.ContainsKey(key));

        await using var restarted = await TestSilo.StartAsync(Database, TestGrains.Register, o => o.ReminderPollInterval = TimeSpan.FromMilliseconds(100));
        await Eventually.TrueAsync(() => GrainProbe.Reminders.ContainsKey(key), TimeSpan.FromSeconds(15));

        Assert.Equal(["wake-up"], GrainProbe.Reminders[key]);
    }

    [Fact]
    public async Task A_periodic_reminder_keeps_firing_until_unregistered()
    {
        await using var silo = await TestSilo.StartAsync(Database, TestGrains.Register, o => o.ReminderPollInterval = TimeSpan.FromMilliseconds(50));
        var key = $"periodic-{Guid.NewGuid():N}";
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>(key);

        await grain.Remind("tick", TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        await Eventually.TrueAsync(() => GrainProbe.Reminders.GetValueOrDefault(key)?.Count >= 3, TimeSpan.FromSeconds(15));
        await grain.Forget("tick");
        var firedBeforeForget = GrainProbe.Reminders[key].Count;
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        Assert.InRange(GrainProbe.Reminders[key].Count, firedBeforeForget, firedBeforeForget + 1);
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM grain_reminders WHERE grain_key = $1", key));
    }
}
