using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Api.Catalog;

/// <summary>The catalog's videos as one venue offers them: what its blocklist refuses left out, each at its price there.</summary>
public static class JukeboxResults
{
    public static IReadOnlyList<JukeboxVideo> For(IReadOnlyList<CatalogVideo> videos, VenueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(settings);
        var prices = VenuePrices.Of(settings);
        return [.. videos
            .Where(v => !SongKeys.IsBlocked(AsSong(v), settings.Blocklist))
            .Select(v => new JukeboxVideo(
                v.YoutubeId, v.Title, v.Artist, v.ChannelTitle, v.DurationSeconds, v.ThumbnailUrl, v.ViewCount, prices.JukeboxCost(v.VideoCredits)))];
    }

    /// <summary>The video as a request names it, so the search leaves out exactly what the venue would refuse.</summary>
    public static SongDetails AsSong(CatalogVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return new SongDetails(RequestKinds.Jukebox, video.Title, video.Artist, YoutubeId: video.YoutubeId,
            DurationSeconds: video.DurationSeconds, ThumbnailUrl: video.ThumbnailUrl);
    }
}
