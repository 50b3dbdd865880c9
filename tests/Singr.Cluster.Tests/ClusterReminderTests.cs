using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Cluster.Tests;

public sealed class ClusterReminderTests : DatabaseTest
{
    [Fact]
    public async Task Silos_polling_the_same_reminders_deliver_each_tick_once()
    {
        await using var siloA = await TestSilo.StartAsync(Database, TestGrains.Register, o => o.ReminderPollInterval = TimeSpan.FromMilliseconds(50));
        await using var siloB = await TestSilo.StartAsync(Database, TestGrains.Register, o => o.ReminderPollInterval = TimeSpan.FromMilliseconds(50));
        var keys = Enumerable.Range(0, 5).Select(i => $"shared-reminder-{Guid.NewGuid():N}-{i}").ToList();
        foreach (var key in keys)
        {
            await siloA.GrainFactory.GetGrain<IReminderGrain>(key).Remind("tick", TimeSpan.Zero, TimeSpan.FromMilliseconds(300));
        }

        await Eventually.TrueAsync(
            () => keys.All(k => GrainProbe.ReminderTicksDue.GetValueOrDefault(k)?.Count >= 4),
            TimeSpan.FromSeconds(20),
            "every reminder ticks several times");
        foreach (var key in keys)
        {
            await siloB.GrainFactory.GetGrain<IReminderGrain>(key).Forget("tick");
        }

        foreach (var key in keys)
        {
            var due = GrainProbe.ReminderTicksDue[key].ToList();
            Assert.Equal(due.Count, due.Distinct().Count());
        }
    }
}
