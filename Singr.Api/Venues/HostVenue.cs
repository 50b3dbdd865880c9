using Singr.Grains.Interfaces.Venues;

namespace Singr.Api.Venues;

/// <summary>A venue as its organisation's members see it.</summary>
public sealed record HostVenue(string VenueId, string Name, string Timezone, string? Address, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static HostVenue From(VenueProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(profile.Slug, profile.Name, profile.Timezone, profile.Address, profile.CreatedAt, profile.UpdatedAt);
    }
}
