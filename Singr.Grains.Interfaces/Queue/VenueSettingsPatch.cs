namespace Singr.Grains.Interfaces.Queue;

/// <summary>A change to venue settings: null fields stay as they are; <see cref="ClearAutoClose"/> removes the closing time.</summary>
public sealed record VenueSettingsPatch(
    string? Mode = null,
    int? CostPerSong = null,
    int? PriorityCost = null,
    string? ChargeAt = null,
    int? MaxPriorityInARow = null,
    int? QueueLimit = null,
    int? MaxPendingPerPatron = null,
    int? NoRepeatMinutes = null,
    Blocklist? Blocklist = null,
    bool? RequestsOpen = null,
    string? AutoCloseAt = null,
    bool ClearAutoClose = false,
    bool? AcceptKaraoke = null,
    bool? AcceptJukebox = null,
    bool? ApprovalRequired = null);
