namespace Singr.Api.Auth;

/// <param name="VenueId">The venue's slug, the only venue the token is good for.</param>
public sealed record GuestSession(string GuestId, string VenueId, string AccessToken, DateTimeOffset AccessTokenExpiresAt);
