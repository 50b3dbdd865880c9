namespace Singr.Grains.Interfaces.Accounts;

/// <param name="PlatformRole">admin, support_admin or developer for platform staff; null for everyone else.</param>
/// <param name="Nickname">Set once the user has a singer profile (the <c>singer</c> role).</param>
/// <param name="ActiveCustomerId">The organisation the user last chose to act for; tokens carry it.</param>
/// <param name="EmailVerified">The user proved they read this email (a verification link, a password reset or a magic link).</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.accounts.AccountProfile")]
public sealed record AccountProfile(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string? PlatformRole = null,
    [property: Id(5)] string? Nickname = null,
    [property: Id(6)] Guid? ActiveCustomerId = null,
    [property: Id(7)] bool EmailVerified = false);
