using Singr.Grains.Interfaces.Runtime;

namespace Singr.Grains.Interfaces.Venues;

/// <summary>
/// One venue slug. Its turns make slugs unique across the platform, the way an account grain makes emails unique.
/// </summary>
public interface IVenueSlugGrain : IGrainWithStringKey
{
    /// <returns>True when the slug is now held by <paramref name="venueId"/> (also when it already was).</returns>
    Task<bool> Claim(Guid venueId);

    /// <summary>Frees the slug if <paramref name="venueId"/> holds it.</summary>
    Task Release(Guid venueId);
}
