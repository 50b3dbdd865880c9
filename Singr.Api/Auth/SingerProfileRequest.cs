namespace Singr.Api.Auth;

public sealed record SingerProfileRequest(string? Nickname);
