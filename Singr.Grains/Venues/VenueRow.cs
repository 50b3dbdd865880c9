using Singr.Grains.Persistence;

namespace Singr.Grains.Venues;

/// <summary>
/// The <c>venues</c> projection (public list, slug lookups). Its live-slug index is the one authority on slugs: a taken
/// slug fails the write with <see cref="UniqueRowConflictException"/> naming <see cref="LiveSlugIndex"/>.
/// </summary>
public sealed record VenueRow(
    Guid VenueId,
    Guid CustomerId,
    string Slug,
    string Name,
    string Timezone,
    string? Address,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : ISideRow
{
    public const string LiveSlugIndex = "venues_live_slug";
}
