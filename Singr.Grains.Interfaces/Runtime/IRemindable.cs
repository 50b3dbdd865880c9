namespace Singr.Grains.Interfaces.Runtime;

/// <summary>Implemented by grains that register persistent reminders.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
