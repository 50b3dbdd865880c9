using Singr.Api.Venues;

namespace Singr.Api.Requests;

/// <summary>A request the caller's organisation may act on, and the venue whose grain owns it.</summary>
public sealed record RequestLocation(Guid RequestId, VenueRef Venue);
