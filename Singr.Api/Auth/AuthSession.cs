using Singr.Grains.Interfaces.Accounts;

namespace Singr.Api.Auth;

/// <summary>What sign-in, registration and refresh return: who, and the token pair.</summary>
public sealed record AuthSession(AccountProfile User, string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken);
