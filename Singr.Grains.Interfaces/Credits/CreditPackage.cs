namespace Singr.Grains.Interfaces.Credits;

/// <summary>Credits sold together at one price.</summary>
/// <param name="PriceCents">In the currency's smallest unit (cents).</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.credits.CreditPackage")]
public sealed record CreditPackage(
    [property: Id(0)] string Name,
    [property: Id(1)] int Credits,
    [property: Id(2)] long PriceCents,
    [property: Id(3)] string Currency);
