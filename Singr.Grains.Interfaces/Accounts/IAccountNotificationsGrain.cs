using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Calls;
using Singr.Grains.Interfaces.Messaging;

namespace Singr.Grains.Interfaces.Accounts;

/// <summary>
/// The account's notification choices: the same grain as <see cref="IAccountGrain"/> (keyed by the normalised email),
/// seen through its own interface. The choices are projected to <c>users.notification_preferences</c>, which the
/// outbox worker reads at send time and the inbox reads to leave out kinds whose in-app choice is off.
/// </summary>
[Alias("singr.accounts.IAccountNotificationsGrain")]
public interface IAccountNotificationsGrain : IGrainWithStringKey
{
    /// <returns>Every kind's choice; null when no account exists.</returns>
    [Idempotent]
    [Alias("GetNotificationPreferences")]
    Task<NotificationPreferences?> GetNotificationPreferences();

    /// <summary>
    /// Sets the choices of the kinds given (<see cref="NotificationKinds"/> values; the API refuses others first); the
    /// kinds not given keep theirs.
    /// </summary>
    [Alias("SetNotificationPreferences")]
    Task<Outcome<NotificationPreferences>> SetNotificationPreferences(IReadOnlyDictionary<string, NotificationChoice> choices);
}
