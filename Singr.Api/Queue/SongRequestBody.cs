using Singr.Api.Access;
using Singr.Api.Http;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <summary>A song request: karaoke (artist, title, keyChange, notes, singer) or jukebox (youtubeId, title, artist, duration, thumbnailUrl).</summary>
/// <param name="KeyChange">Karaoke; omitted on a signed-in singer's own request: the one they last used for the song.</param>
/// <param name="Duration">Seconds.</param>
/// <param name="Priority">HYBRID venues: pay the priority cost to go ahead of free requests.</param>
/// <param name="OnBehalfOf">A host requesting for a patron: the patron's name (free, past patron limits).</param>
/// <param name="SongId">Karaoke: a song of the venue's songbook, whose artist and title the request takes.</param>
public sealed record SongRequestBody(
    string? Kind,
    string? Title,
    string? Artist,
    int? KeyChange,
    string? Notes,
    string? Singer,
    string? YoutubeId,
    int? Duration,
    string? ThumbnailUrl,
    bool? Priority,
    string? OnBehalfOf,
    Guid? SongId = null)
{
    /// <summary>The kind asked for; a body without one, as the seed's clients send it, is jukebox when it names a video.</summary>
    public string RequestKind => Kind ?? (YoutubeId is null ? RequestKinds.Karaoke : RequestKinds.Jukebox);

    /// <summary>The request for a song of the venue's songbook: karaoke, with the songbook's artist and title.</summary>
    public SongRequestBody For(Songbook.SongbookSong song)
    {
        ArgumentNullException.ThrowIfNull(song);
        return this with { Kind = RequestKinds.Karaoke, Artist = song.Artist, Title = song.Title, SongId = null };
    }

    /// <summary>The request for a video as the catalog describes it (the title, artist, length and thumbnail it was priced by).</summary>
    public SongRequestBody For(Catalog.CatalogVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return this with
        {
            Kind = RequestKinds.Jukebox, YoutubeId = video.YoutubeId, Title = video.Title, Artist = video.Artist,
            Duration = video.DurationSeconds, ThumbnailUrl = video.ThumbnailUrl,
        };
    }

    private SongDetails Song() => new(
        RequestKind, Title ?? string.Empty, Artist, KeyChange ?? 0, Notes, Singer, YoutubeId, Duration, ThumbnailUrl);

    /// <summary>Each invalid field of the request, and of its <c>Idempotency-Key</c>.</summary>
    public IReadOnlyList<ApiErrorDetail> Check(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var problems = SongRules.Check(Song()).Select(p => new ApiErrorDetail(p.Field, p.Message)).ToList();
        if (idempotencyKey.Length > RequestIds.MaxKeyLength)
        {
            problems.Add(new ApiErrorDetail(RequestIds.IdempotencyHeader, $"At most {RequestIds.MaxKeyLength} characters."));
        }

        if (OnBehalfOf is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > SongRules.MaxNameLength))
        {
            problems.Add(new ApiErrorDetail("onBehalfOf", $"The patron's name, 1 to {SongRules.MaxNameLength} characters."));
        }

        return problems;
    }

    /// <summary>
    /// The request as <paramref name="caller"/> makes it at <paramref name="venue"/>: for the patron named in
    /// <see cref="OnBehalfOf"/> (by a host acting for the venue's organisation), or for the guest or account calling.
    /// A signed-in singer's own karaoke request carries their account, for the key change they last used.
    /// </summary>
    public RequestSong ToCommand(Caller caller, VenueRef venue, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(venue);
        var byHost = OnBehalfOf is not null;
        var patron = byHost
            ? Patron.OnBehalfOf(OnBehalfOf!)
            : caller.Kind == CallerKind.Guest
                ? new Patron(Patron.KeyOfGuest(caller.Subject), null, "Guest", Wallets.WalletOwner.OfGuest(caller.Subject))
                : new Patron(Patron.KeyOfAccount(caller.UserId!.Value), caller.UserId, caller.Nickname ?? caller.Name);
        var singer = caller.Kind == CallerKind.Account && !byHost && RequestKind == RequestKinds.Karaoke ? caller.Email : null;
        return new RequestSong(
            RequestIds.For(venue.Id, patron.Key, idempotencyKey),
            patron,
            Song(),
            Priority ?? false,
            byHost,
            HostUserId: byHost && caller.ActiveCustomerId == venue.CustomerId ? caller.UserId : null,
            SingerAccount: singer,
            KeyChangeGiven: KeyChange is not null);
    }
}
