using Singr.Grains.Persistence;

namespace Singr.Testing.Grains;

[GrainType("test-reminder")]
public sealed class ReminderGrain([VersionedState("test-reminder")] IVersionedState<ReminderState> state, TimeProvider time)
    : Grain, IReminderGrain, IRemindable
{
    public Task Remind(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task Forget(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<IReadOnlyList<ReminderTick>> GetTicks() => Task.FromResult<IReadOnlyList<ReminderTick>>([.. state.State.Ticks]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks.Add(new ReminderTick(reminderName, time.GetUtcNow(), RuntimeIdentity));
        await state.WriteAsync();
    }
}
