using Orleans;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Credits;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Payments;

/// <summary>What is on sale: the platform's packages, and a venue's small package where that venue sells one.</summary>
public sealed class CreditPackages(IGrainFactory grains, VenueDirectory venues)
{
    /// <returns>Null for a venue that does not exist.</returns>
    public async Task<IReadOnlyList<CreditPackage>?> OnSaleAsync(string? venueSlug, CancellationToken cancellationToken)
    {
        var platform = await grains.GetGrain<ICreditCatalogGrain>(ICreditCatalogGrain.Key).GetPackages();
        if (string.IsNullOrWhiteSpace(venueSlug))
        {
            return platform;
        }

        if (await venues.FindBySlugAsync(venueSlug, cancellationToken) is not { } venue
            || await grains.GetGrain<IVenueQueueGrain>(venue.Id).GetQueue() is not { } queue)
        {
            return null;
        }

        return queue.Prices is { OffersSmallPackage: true } ? [.. platform, CreditPackageRules.SmallPackage] : platform;
    }
}
