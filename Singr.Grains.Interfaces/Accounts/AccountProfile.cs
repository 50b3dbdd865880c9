namespace Singr.Grains.Interfaces.Accounts;

public sealed record AccountProfile(Guid UserId, string Email, string Name, DateTimeOffset CreatedAt);
