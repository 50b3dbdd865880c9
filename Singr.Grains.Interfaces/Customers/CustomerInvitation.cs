namespace Singr.Grains.Interfaces.Customers;

public sealed record CustomerInvitation(Guid InvitationId, string Email, string Role, Guid InvitedBy, DateTimeOffset ExpiresAt);
