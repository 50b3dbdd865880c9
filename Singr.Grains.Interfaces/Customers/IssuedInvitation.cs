namespace Singr.Grains.Interfaces.Customers;

/// <param name="Token">Shown once, to the inviter, to pass on; only its hash is kept.</param>
public sealed record IssuedInvitation(CustomerInvitation Invitation, string Token);
