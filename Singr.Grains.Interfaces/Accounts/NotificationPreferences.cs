using Singr.Grains.Interfaces.Messaging;

namespace Singr.Grains.Interfaces.Accounts;

/// <summary>A user's channel choices for every notification kind (<see cref="NotificationKinds.All"/>), defaults filled in.</summary>
/// <param name="Kinds">By <see cref="NotificationKinds"/> value: email, SMS and in-app on or off.</param>
[GenerateSerializer]
[Alias("singr.accounts.NotificationPreferences")]
public sealed record NotificationPreferences([property: Id(0)] IReadOnlyDictionary<string, NotificationChoice> Kinds)
{
    /// <summary>Every kind: the user's choice where they made one, <see cref="NotificationChoice.Default"/> elsewhere.</summary>
    public static NotificationPreferences Of(IReadOnlyDictionary<string, NotificationChoice> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        return new(NotificationKinds.All.ToDictionary(
            kind => kind, kind => chosen.TryGetValue(kind, out var choice) ? choice : NotificationChoice.Default, StringComparer.Ordinal));
    }
}
