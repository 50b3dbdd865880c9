namespace Singr.Grains.Interfaces.Messaging;

/// <summary>Which channels one kind of notification reaches the user on.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.messaging.NotificationChoice")]
public sealed record NotificationChoice([property: Id(0)] bool Email, [property: Id(1)] bool Sms, [property: Id(2)] bool InApp)
{
    /// <summary>Until the user chooses: email and in-app, no SMS (a text costs the platform and the user did not ask).</summary>
    public static NotificationChoice Default { get; } = new(Email: true, Sms: false, InApp: true);
}
