namespace Singr.Grains.Interfaces.Requests;

/// <param name="VenueId">The venue's external id (slug).</param>
/// <param name="Updated">Its requests marked: all of those asked for at this venue, or none.</param>
/// <param name="Error">Why none were: <c>REQUEST_NOT_FOUND</c> when one of them was deleted meanwhile; null when marked.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.VenueBulkProcessed")]
public sealed record VenueBulkProcessed([property: Id(0)] string VenueId, [property: Id(1)] int Updated, [property: Id(2)] string? Error);
