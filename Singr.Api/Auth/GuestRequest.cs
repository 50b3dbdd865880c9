namespace Singr.Api.Auth;

/// <param name="VenueId">The venue's slug.</param>
/// <param name="DeviceId">The kiosk's or phone's own id, 8 to 64 characters; the same device gets the same guest.</param>
public sealed record GuestRequest(string? VenueId, string? DeviceId);
