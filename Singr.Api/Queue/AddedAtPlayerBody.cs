using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <summary>A song a host added at the player: karaoke (artist, title, singer, keyChange) or jukebox (youtubeId, title).</summary>
/// <param name="LocalId">The player's UUID for it; the request keeps it as its id.</param>
/// <param name="Duration">Seconds.</param>
public sealed record AddedAtPlayerBody(
    Guid? LocalId,
    string? Kind,
    string? Title,
    string? Artist,
    int? KeyChange,
    string? Singer,
    string? YoutubeId,
    int? Duration)
{
    public AddedAtPlayer ToSong() => new(
        LocalId ?? Guid.Empty,
        new SongDetails(
            Kind ?? (YoutubeId is null ? RequestKinds.Karaoke : RequestKinds.Jukebox),
            Title ?? string.Empty,
            Artist,
            KeyChange ?? 0,
            Notes: null,
            Singer,
            YoutubeId,
            Duration));
}
