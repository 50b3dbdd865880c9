namespace Singr.Api.Venues;

/// <param name="Id">Internal id: what tokens and grains carry.</param>
/// <param name="Slug">External id: what URLs and clients use (<c>venueId</c>).</param>
/// <param name="CustomerId">The organisation that runs the venue.</param>
public sealed record VenueRef(Guid Id, string Slug, string Name, Guid CustomerId);
