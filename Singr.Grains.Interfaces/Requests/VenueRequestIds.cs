namespace Singr.Grains.Interfaces.Requests;

/// <summary>Some of one venue's requests, by id.</summary>
/// <param name="VenueId">The venue's internal id, which its grain is keyed by.</param>
/// <param name="VenueSlug">Its external id, which replies name it by.</param>
[GenerateSerializer]
[Alias("singr.requests.VenueRequestIds")]
public sealed record VenueRequestIds([property: Id(0)] Guid VenueId, [property: Id(1)] string VenueSlug, [property: Id(2)] IReadOnlyList<Guid> RequestIds);
