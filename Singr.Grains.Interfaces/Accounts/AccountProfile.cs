namespace Singr.Grains.Interfaces.Accounts;

/// <param name="PlatformRole">admin, support_admin or developer for platform staff; null for everyone else.</param>
/// <param name="Nickname">Set once the user has a singer profile (the <c>singer</c> role).</param>
/// <param name="ActiveCustomerId">The organisation the user last chose to act for; tokens carry it.</param>
public sealed record AccountProfile(
    Guid UserId,
    string Email,
    string Name,
    DateTimeOffset CreatedAt,
    string? PlatformRole = null,
    string? Nickname = null,
    Guid? ActiveCustomerId = null);
