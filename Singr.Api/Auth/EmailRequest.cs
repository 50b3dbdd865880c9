namespace Singr.Api.Auth;

public sealed record EmailRequest(string? Email);
