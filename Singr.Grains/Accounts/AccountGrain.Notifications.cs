using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Persistence;

namespace Singr.Grains.Accounts;

/// <summary>The account's notification choices per kind, written with the <c>users</c> row that projects them.</summary>
public sealed partial class AccountGrain : IAccountNotificationsGrain
{
    public Task<NotificationPreferences?> GetNotificationPreferences() =>
        Task.FromResult(Exists ? NotificationPreferences.Of(State.NotificationPreferences) : null);

    public async Task<Outcome<NotificationPreferences>> SetNotificationPreferences(IReadOnlyDictionary<string, NotificationChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Keys.FirstOrDefault(kind => !NotificationKinds.All.Contains(kind)) is { } unknown)
        {
            throw new ArgumentException($"No notification kind {unknown}; the API validates them first.", nameof(choices));
        }

        if (!Exists)
        {
            return Outcome.Refused<NotificationPreferences>(DomainErrors.AccountNotFound);
        }

        var changed = choices.Where(c => NotificationPreferences.Of(State.NotificationPreferences).Kinds[c.Key] != c.Value).ToList();
        if (changed.Count > 0)
        {
            foreach (var (kind, choice) in changed)
            {
                State.NotificationPreferences[kind] = choice;
            }

            await state.WriteAsync(rows => ProjectUser(rows));
        }

        return Outcome.Ok(NotificationPreferences.Of(State.NotificationPreferences));
    }
}
