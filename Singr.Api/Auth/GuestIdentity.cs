namespace Singr.Api.Auth;

/// <summary>What <c>/v1/auth/me</c> answers for a guest token: a guest has no account profile.</summary>
public sealed record GuestIdentity(string GuestId, string Role);
