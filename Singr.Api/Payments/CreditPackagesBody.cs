using Singr.Grains.Interfaces.Credits;

namespace Singr.Api.Payments;

/// <param name="Packages">Everything on sale from now on: name, credits, priceCents, currency.</param>
public sealed record CreditPackagesBody(IReadOnlyList<CreditPackage?>? Packages);
