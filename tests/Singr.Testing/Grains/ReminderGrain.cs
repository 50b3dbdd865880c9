using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Grains;

namespace Singr.Testing.Grains;

public sealed class ReminderGrain : Grain, IReminderGrain
{
    public Task Remind(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        RegisterOrUpdateReminder(reminderName, dueTime, period);

    public Task Forget(string reminderName) => UnregisterReminder(reminderName);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        GrainProbe.Reminders.GetOrAdd(GetPrimaryKeyString(), _ => new()).Enqueue(reminderName);
        GrainProbe.ReminderTicksDue.GetOrAdd(GetPrimaryKeyString(), _ => new()).Enqueue(status.DueAt);
        return Task.CompletedTask;
    }
}
