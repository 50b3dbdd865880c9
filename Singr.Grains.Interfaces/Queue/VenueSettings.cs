namespace Singr.Grains.Interfaces.Queue;

/// <param name="Mode">FREEPLAY, PAID or HYBRID (<see cref="RequestModes"/>).</param>
/// <param name="CostPerSong">Credits a request costs in PAID mode.</param>
/// <param name="PriorityCost">Credits a priority request costs in HYBRID mode.</param>
/// <param name="ChargeAt">ON_REQUEST or ON_PLAY (<see cref="ChargeTimings"/>).</param>
/// <param name="MaxPriorityInARow">HYBRID fairness: at most this many priority items play in a row.</param>
/// <param name="NoRepeatMinutes">A song cannot be requested again within this long of being queued or played.</param>
/// <param name="ApprovalRequired">Patrons' requests wait for a host's approval before they join the queue.</param>
/// <param name="OffersSmallPackage">The kiosk sells its small package (5 credits for $5) beside the platform's.</param>
/// <param name="Rotation">FIFO or ROUND_ROBIN (<see cref="RotationModes"/>): how free requests are ordered.</param>
/// <param name="Display">What the player screen shows; null in state written before screens had settings (read as the default).</param>
/// <param name="Player">How the player screen plays; null likewise.</param>
/// <param name="JukeboxPricing">FLAT or BY_VIDEO (<see cref="JukeboxPricingModes"/>): what a jukebox request costs in PAID mode.</param>
/// <param name="AutoCloseAt">Local time of day (HH:mm, the venue's timezone) at which requests close by themselves.</param>
[GenerateSerializer]
[Alias("singr.queue.VenueSettings")]
public sealed record VenueSettings(
    [property: Id(0)] string Mode,
    [property: Id(1)] int CostPerSong,
    [property: Id(2)] int PriorityCost,
    [property: Id(3)] string ChargeAt,
    [property: Id(4)] int MaxPriorityInARow,
    [property: Id(5)] int QueueLimit,
    [property: Id(6)] int MaxPendingPerPatron,
    [property: Id(7)] int NoRepeatMinutes,
    [property: Id(8)] Blocklist Blocklist,
    [property: Id(9)] bool RequestsOpen,
    [property: Id(10)] string? AutoCloseAt,
    [property: Id(11)] bool AcceptKaraoke,
    [property: Id(12)] bool AcceptJukebox,
    [property: Id(13)] bool ApprovalRequired = false,
    [property: Id(14)] string Rotation = RotationModes.Fifo,
    [property: Id(15)] DisplaySettings? Display = null,
    [property: Id(16)] PlayerSettings? Player = null,
    [property: Id(17)] bool OffersSmallPackage = false,
    [property: Id(18)] string JukeboxPricing = JukeboxPricingModes.Flat)
{
    /// <summary>These settings with the screen's defaults where a venue never set them.</summary>
    public VenueSettings WithScreenDefaults() => this with { Display = Display ?? DisplaySettings.Default, Player = Player ?? PlayerSettings.Default };

    public static VenueSettings Default { get; } = new(
        RequestModes.FreePlay,
        CostPerSong: 1,
        PriorityCost: 2,
        ChargeTimings.OnRequest,
        MaxPriorityInARow: 3,
        QueueLimit: 100,
        MaxPendingPerPatron: 3,
        NoRepeatMinutes: 60,
        Blocklist.Empty,
        RequestsOpen: true,
        AutoCloseAt: null,
        AcceptKaraoke: true,
        AcceptJukebox: true);
}
