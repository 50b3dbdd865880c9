using Singr.Grains.Interfaces.Messaging;
using Singr.Grains.Persistence;

namespace Singr.Grains.Accounts;

/// <summary>The <c>users</c> projection of an account (for lookups by id and listings, and what the outbox worker needs at send time).</summary>
/// <param name="Phone">The verified phone SMS go to, or null.</param>
/// <param name="NotificationPreferences">The user's channel choices by notification kind (kinds not listed take <see cref="NotificationChoice.Default"/>).</param>
public sealed record UserRow(
    Guid UserId,
    string Email,
    string Name,
    string? PlatformRole,
    DateTimeOffset CreatedAt,
    string? Phone,
    IReadOnlyDictionary<string, NotificationChoice> NotificationPreferences) : ISideRow;
