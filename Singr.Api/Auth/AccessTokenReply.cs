using Singr.Grains.Interfaces.Accounts;

namespace Singr.Api.Auth;

/// <summary>A new access token after the account changed what its token says; the refresh token stays as it is.</summary>
public sealed record AccessTokenReply(AccountProfile User, string AccessToken, DateTimeOffset AccessTokenExpiresAt);
