namespace Singr.Api.Auth;

public sealed record RefreshRequest(string? RefreshToken);
