using Singr.Grains.Interfaces.Runtime;

namespace Singr.Testing.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task Remind(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task Forget(string reminderName);
}
