using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// A request sent again with the same idempotency key: the same song answers with the first result (or finishes a
/// payment the first try left midway); anything else under that key is refused, never answered with another song's
/// result.
/// </summary>
/// <param name="First">The first try's result, to answer again.</param>
/// <param name="Unsettled">The first try's payment, stopped between storing the request and charging it.</param>
/// <param name="Refusal"><see cref="DomainErrors.IdempotencyKeyReused"/> when the retry asks for something else.</param>
public sealed record RequestRetry(RequestAccepted? First, PendingPayment? Unsettled, string? Refusal)
{
    /// <summary>The retry <paramref name="command"/> is, or null when its key is new to the venue.</summary>
    public static RequestRetry? Of(RequestSong command, VenueState venue)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(venue);
        if (venue.Accepted.TryGetValue(command.RequestId, out var first))
        {
            var item = first.Item;
            return AsksFor(command, item.Kind, item.Title, item.Artist, item.KeyChange, item.Notes, item.SingerName, item.YoutubeId,
                item.DurationSeconds, item.ThumbnailUrl, item.Priority, item.RequestedBy)
                ? new RequestRetry(first, null, null)
                : Reused;
        }

        if (venue.PendingPayments.Find(p => p.Entry.RequestId == command.RequestId) is { Entry: var entry } unsettled)
        {
            return AsksFor(command, entry.Kind, entry.Title, entry.Artist, entry.KeyChange, entry.Notes, entry.SingerName, entry.YoutubeId,
                entry.DurationSeconds, entry.ThumbnailUrl, entry.Priority, entry.RequestedBy)
                ? new RequestRetry(null, unsettled, null)
                : Reused;
        }

        return null;
    }

    private static RequestRetry Reused { get; } = new(null, null, DomainErrors.IdempotencyKeyReused);

    /// <summary>
    /// Whether the retry asks for the song the first try was taken as. What the venue filled in itself is compared only
    /// when the retry states it: the key change (remembered for a signed-in singer) and the singer's name.
    /// </summary>
    private static bool AsksFor(
        RequestSong command, string kind, string title, string? artist, int keyChange, string? notes, string? singerName,
        string? youtubeId, int? durationSeconds, string? thumbnailUrl, bool priority, string requestedBy)
    {
        var song = command.Song;
        return song.Kind == kind
            && song.Title.Trim() == title
            && song.Artist?.Trim() == artist
            && song.Notes == notes
            && song.YoutubeId == youtubeId
            && song.DurationSeconds == durationSeconds
            && song.ThumbnailUrl == thumbnailUrl
            && command.Priority == priority
            && (!command.KeyChangeGiven || song.KeyChange == keyChange)
            && (song.SingerName is null || song.SingerName == singerName)
            && (!command.ByHost || command.Patron.DisplayName == requestedBy);
    }
}
