namespace Singr.Api.Requests;

/// <param name="VenueId">The venue's external id (slug).</param>
/// <param name="Updated">Its requests marked: all of those asked for at this venue, or none.</param>
/// <param name="Error">Why none were: <c>REQUEST_NOT_FOUND</c> when one of them was deleted meanwhile; null when marked.</param>
public sealed record VenueBulkProcessed(string VenueId, int Updated, string? Error);
