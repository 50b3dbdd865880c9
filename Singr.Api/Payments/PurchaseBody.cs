namespace Singr.Api.Payments;

/// <param name="Package">The package's name, from <c>GET /v1/credits/packages</c>.</param>
/// <param name="VenueId">For a venue's small package (<c>kiosk</c>): the venue that sells it.</param>
public sealed record PurchaseBody(string? Package, string? VenueId = null);
