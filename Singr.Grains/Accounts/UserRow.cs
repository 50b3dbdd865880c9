using Singr.Grains.Persistence;

namespace Singr.Grains.Accounts;

/// <summary>The <c>users</c> projection of an account (for lookups by id and listings).</summary>
public sealed record UserRow(Guid UserId, string Email, string Name, string? PlatformRole, DateTimeOffset CreatedAt) : ISideRow;
