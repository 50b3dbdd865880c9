namespace Singr.Api.Auth;

public sealed record PasswordResetRequest(string? Token, string? Password);
