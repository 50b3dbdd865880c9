namespace Singr.Grains.Interfaces.Queue;

/// <summary>A change to venue settings: null fields stay as they are; <see cref="ClearAutoClose"/> removes the closing time.</summary>
[GenerateSerializer]
[Alias("singr.queue.VenueSettingsPatch")]
public sealed record VenueSettingsPatch(
    [property: Id(0)] string? Mode = null,
    [property: Id(1)] int? CostPerSong = null,
    [property: Id(2)] int? PriorityCost = null,
    [property: Id(3)] string? ChargeAt = null,
    [property: Id(4)] int? MaxPriorityInARow = null,
    [property: Id(5)] int? QueueLimit = null,
    [property: Id(6)] int? MaxPendingPerPatron = null,
    [property: Id(7)] int? NoRepeatMinutes = null,
    [property: Id(8)] Blocklist? Blocklist = null,
    [property: Id(9)] bool? RequestsOpen = null,
    [property: Id(10)] string? AutoCloseAt = null,
    [property: Id(11)] bool ClearAutoClose = false,
    [property: Id(12)] bool? AcceptKaraoke = null,
    [property: Id(13)] bool? AcceptJukebox = null,
    [property: Id(14)] bool? ApprovalRequired = null,
    [property: Id(15)] string? Rotation = null,
    [property: Id(16)] DisplaySettingsPatch? Display = null,
    [property: Id(17)] PlayerSettingsPatch? Player = null,
    [property: Id(18)] bool? OffersSmallPackage = null,
    [property: Id(19)] string? JukeboxPricing = null);
