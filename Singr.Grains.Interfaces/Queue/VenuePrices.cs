namespace Singr.Grains.Interfaces.Queue;

/// <summary>What requests cost at a venue, as its room may read them before asking (the patron's balance is theirs alone).</summary>
/// <param name="Mode">FREEPLAY, PAID or HYBRID (<see cref="RequestModes"/>).</param>
/// <param name="CostPerSong">Credits a request costs in PAID mode.</param>
/// <param name="PriorityCost">Credits a request costs to go ahead of free ones in HYBRID mode.</param>
/// <param name="ChargeAt">ON_REQUEST or ON_PLAY: when the credits are taken.</param>
/// <param name="OffersSmallPackage">The kiosk sells the small credit package here.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.VenuePrices")]
public sealed record VenuePrices(
    [property: Id(0)] string Mode,
    [property: Id(1)] int CostPerSong,
    [property: Id(2)] int PriorityCost,
    [property: Id(3)] string ChargeAt,
    [property: Id(4)] bool OffersSmallPackage = false)
{
    public static VenuePrices Of(VenueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Mode, settings.CostPerSong, settings.PriorityCost, settings.ChargeAt, settings.OffersSmallPackage);
    }
}
