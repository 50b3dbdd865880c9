namespace Singr.Grains.Interfaces.Queue;

/// <summary>What requests cost at a venue, as its room may read them before asking (the patron's balance is theirs alone).</summary>
/// <param name="Mode">FREEPLAY, PAID or HYBRID (<see cref="RequestModes"/>).</param>
/// <param name="CostPerSong">Credits a request costs in PAID mode.</param>
/// <param name="PriorityCost">Credits a request costs to go ahead of free ones in HYBRID mode.</param>
/// <param name="ChargeAt">ON_REQUEST or ON_PLAY: when the credits are taken.</param>
/// <param name="OffersSmallPackage">The kiosk sells the small credit package here.</param>
/// <param name="JukeboxPricing">FLAT or BY_VIDEO: in PAID mode, whether a video costs <paramref name="CostPerSong"/> or its own price.</param>
/// <param name="AcceptKaraoke">The venue takes karaoke requests (a kiosk searches its songbook).</param>
/// <param name="AcceptJukebox">The venue takes jukebox requests (a kiosk of a jukebox-only venue searches videos).</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.VenuePrices")]
public sealed record VenuePrices(
    [property: Id(0)] string Mode,
    [property: Id(1)] int CostPerSong,
    [property: Id(2)] int PriorityCost,
    [property: Id(3)] string ChargeAt,
    [property: Id(4)] bool OffersSmallPackage = false,
    [property: Id(5)] string JukeboxPricing = JukeboxPricingModes.Flat,
    [property: Id(6)] bool AcceptKaraoke = true,
    [property: Id(7)] bool AcceptJukebox = true)
{
    /// <summary>A PAID venue that charges each video its own price.</summary>
    public bool ChargesByVideo => Mode == RequestModes.Paid && JukeboxPricing == JukeboxPricingModes.ByVideo;

    /// <summary>What a patron's (not priority) jukebox request for a video of <paramref name="videoCredits"/> costs here.</summary>
    public int JukeboxCost(int videoCredits) =>
        Mode != RequestModes.Paid ? 0 : ChargesByVideo ? videoCredits : CostPerSong;

    public static VenuePrices Of(VenueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Mode, settings.CostPerSong, settings.PriorityCost, settings.ChargeAt, settings.OffersSmallPackage, settings.JukeboxPricing,
            settings.AcceptKaraoke, settings.AcceptJukebox);
    }
}
