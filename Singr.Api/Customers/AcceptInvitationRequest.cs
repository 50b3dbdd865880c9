namespace Singr.Api.Customers;

public sealed record AcceptInvitationRequest(string? Token);
