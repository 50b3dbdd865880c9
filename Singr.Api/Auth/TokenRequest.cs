namespace Singr.Api.Auth;

/// <summary>An emailed account token coming back (email verification, magic link).</summary>
public sealed record TokenRequest(string? Token);
