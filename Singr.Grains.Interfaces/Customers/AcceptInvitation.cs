namespace Singr.Grains.Interfaces.Customers;

public sealed record AcceptInvitation(string Token, MemberIdentity User, string? ClientAddress, string? RequestId);
