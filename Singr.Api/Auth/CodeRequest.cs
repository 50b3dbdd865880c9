namespace Singr.Api.Auth;

public sealed record CodeRequest(string? Code);
