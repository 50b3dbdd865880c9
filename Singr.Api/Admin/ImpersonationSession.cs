using Singr.Grains.Interfaces.Accounts;

namespace Singr.Api.Admin;

/// <summary>A short token for acting as <paramref name="User"/>; it names the developer too and cannot be refreshed.</summary>
public sealed record ImpersonationSession(AccountProfile User, Guid ImpersonatorId, string AccessToken, DateTimeOffset AccessTokenExpiresAt);
