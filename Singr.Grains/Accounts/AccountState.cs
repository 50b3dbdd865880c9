using Singr.Grains.Interfaces.Messaging;

namespace Singr.Grains.Accounts;

public sealed class AccountState
{
    public Guid UserId { get; set; }

    public string Email { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string? PlatformRole { get; set; }

    public string? Nickname { get; set; }

    public Guid? ActiveCustomerId { get; set; }

    /// <summary>The phone number SMS go to, once verified with a code; null until then.</summary>
    public string? Phone { get; set; }

    /// <summary>The user's channel choices by <see cref="NotificationKinds"/> value; kinds not listed take the default.</summary>
    public Dictionary<string, NotificationChoice> NotificationPreferences { get; set; } = [];

    /// <summary>The key change the singer last used per song (by song key), most recent last.</summary>
    public List<SongKeyChange> KeyChanges { get; set; } = [];
}
