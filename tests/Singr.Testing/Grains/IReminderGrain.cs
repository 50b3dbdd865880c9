namespace Singr.Testing.Grains;

/// <summary>Registers a reminder and keeps every tick it receives in its persisted state.</summary>
[Alias("singr.testing.IReminderGrain")]
public interface IReminderGrain : IGrainWithStringKey
{
    [Alias("Remind")]
    Task Remind(string reminderName, TimeSpan dueTime, TimeSpan period);

    [Alias("Forget")]
    Task Forget(string reminderName);

    [Alias("GetTicks")]
    Task<IReadOnlyList<ReminderTick>> GetTicks();
}
