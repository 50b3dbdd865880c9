using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <summary>Settings to change; omitted fields stay. <paramref name="AutoCloseAt"/> "" removes the closing time.</summary>
/// <param name="JukeboxPricing">FLAT (the usual cost) or BY_VIDEO (a PAID venue charges each video its own price: 1 credit, +1 over a million views, +1 over 5 minutes).</param>
public sealed record VenueSettingsBody(
    string? Mode,
    int? CostPerSong,
    int? PriorityCost,
    string? ChargeAt,
    int? MaxPriorityInARow,
    int? QueueLimit,
    int? MaxPendingPerPatron,
    int? NoRepeatMinutes,
    Blocklist? Blocklist,
    bool? RequestsOpen,
    string? AutoCloseAt,
    bool? AcceptKaraoke,
    bool? AcceptJukebox,
    bool? ApprovalRequired = null,
    string? Rotation = null,
    DisplaySettingsPatch? Display = null,
    PlayerSettingsPatch? Player = null,
    bool? OffersSmallPackage = null,
    string? JukeboxPricing = null)
{
    public VenueSettingsPatch ToPatch() => new(
        Mode,
        CostPerSong,
        PriorityCost,
        ChargeAt,
        MaxPriorityInARow,
        QueueLimit,
        MaxPendingPerPatron,
        NoRepeatMinutes,
        Blocklist is null ? null : new Blocklist(Blocklist.Artists ?? [], Blocklist.Titles ?? [], Blocklist.VideoIds ?? []),
        RequestsOpen,
        AutoCloseAt is { Length: > 0 } ? AutoCloseAt : null,
        ClearAutoClose: AutoCloseAt is { Length: 0 },
        AcceptKaraoke,
        AcceptJukebox,
        ApprovalRequired,
        Rotation,
        Display,
        Player,
        OffersSmallPackage,
        JukeboxPricing);
}
