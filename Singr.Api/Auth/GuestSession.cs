namespace Singr.Api.Auth;

/// <param name="VenueId">The venue's slug, the only venue the token is good for.</param>
/// <param name="DeviceKey">The device's secret: keep it on the device and send it to renew as the same guest.</param>
public sealed record GuestSession(string GuestId, string VenueId, string AccessToken, DateTimeOffset AccessTokenExpiresAt, string DeviceKey);
