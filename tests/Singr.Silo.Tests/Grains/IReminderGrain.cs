using Singr.Grains.Interfaces.Runtime;

namespace Singr.Silo.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task Remind(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task Forget(string reminderName);
}
