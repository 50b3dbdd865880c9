namespace Singr.Grains.Interfaces.Venues;

/// <summary>
/// One venue slug. Its turns make slugs unique across the platform, the way an account grain makes emails unique.
/// </summary>
[Alias("singr.venues.IVenueSlugGrain")]
public interface IVenueSlugGrain : IGrainWithStringKey
{
    /// <returns>True when the slug is now held by <paramref name="venueId"/> (also when it already was).</returns>
    [Alias("Claim")]
    Task<bool> Claim(Guid venueId);

    /// <summary>Frees the slug if <paramref name="venueId"/> holds it.</summary>
    [Alias("Release")]
    Task Release(Guid venueId);
}
