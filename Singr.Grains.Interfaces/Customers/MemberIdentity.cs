namespace Singr.Grains.Interfaces.Customers;

/// <summary>A signed-in user as a customer grain needs to know them.</summary>
public sealed record MemberIdentity(Guid UserId, string Email, string Name);
