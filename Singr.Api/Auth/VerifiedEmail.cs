namespace Singr.Api.Auth;

public sealed record VerifiedEmail(string Email, bool EmailVerified);
