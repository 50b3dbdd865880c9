namespace Singr.Grains.Interfaces.Customers;

/// <param name="Token">Shown once, to the inviter, to pass on; only its hash is kept.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.customers.IssuedInvitation")]
public sealed record IssuedInvitation([property: Id(0)] CustomerInvitation Invitation, [property: Id(1)] string Token);
