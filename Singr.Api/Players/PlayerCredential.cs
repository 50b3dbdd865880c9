namespace Singr.Api.Players;

/// <param name="AccessToken">The player's credential: a bearer token for this venue and device until revoked.</param>
public sealed record PlayerCredential(Guid PlayerId, string VenueId, string DeviceId, string AccessToken, DateTimeOffset AccessTokenExpiresAt);
