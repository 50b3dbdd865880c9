using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Catalog;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// Whether a venue takes a song request, and what it costs: the rules in their fixed order, over the venue's state at
/// <c>now</c>. No I/O: the grain asks, then acts on the answer.
/// </summary>
public sealed class RequestRules(VenueState venue)
{
    /// <summary>
    /// The first rule the request breaks, or null when it may be queued: kind not accepted, a by-video price missing, priority not offered,
    /// requests closed, blocked song, duplicate (waiting, playing, or played within the no-repeat window), the
    /// patron's limit of waiting requests, the queue's limit, the patron's allowance.
    /// </summary>
    /// <param name="quota">The patron's allowance; null for a host's request, which no allowance limits.</param>
    public string? RefusalFor(RequestSong command, RequestQuota? quota, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = venue.Settings;
        var song = command.Song;
        if ((song.Kind == RequestKinds.Karaoke && !settings.AcceptKaraoke) || (song.Kind == RequestKinds.Jukebox && !settings.AcceptJukebox))
        {
            return DomainErrors.RequestKindNotAccepted;
        }

        if (ChargesByVideo(command) && command.VideoCredits is not (>= VideoCredits.Base and <= VideoCredits.Most))
        {
            return DomainErrors.VideoPriceUnknown;
        }

        if (command.Priority && settings.Mode != RequestModes.Hybrid)
        {
            return DomainErrors.PriorityNotOffered;
        }

        if (!AreOpenAt(now) && !command.ByHost)
        {
            return DomainErrors.RequestsClosed;
        }

        if (SongKeys.IsBlocked(song, settings.Blocklist))
        {
            return DomainErrors.BlockedSong;
        }

        var key = SongKeys.Of(song);
        var window = TimeSpan.FromMinutes(settings.NoRepeatMinutes);
        if (Waiting().Any(e => e.SongKey == key)
            || (venue.NowPlaying?.SongKey == key && window > TimeSpan.Zero)
            || venue.RecentSongs.Any(r => r.SongKey == key && now - r.At < window))
        {
            return DomainErrors.DuplicateRequest;
        }

        if (!command.ByHost && Waiting().Count(e => e.PatronKey == command.Patron.Key) >= settings.MaxPendingPerPatron)
        {
            return DomainErrors.PatronLimitReached;
        }

        if (!command.ByHost && Waiting().Count() >= settings.QueueLimit)
        {
            return DomainErrors.QueueFull;
        }

        return quota?.RequestsRemaining <= 0 ? DomainErrors.QuotaExceeded : null;
    }

    /// <summary>
    /// Credits the request costs: a host's is free; PAID charges every song (a video its own price where the venue
    /// charges by video), HYBRID only priority ones.
    /// </summary>
    public int CostOf(RequestSong command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.ByHost ? 0 : venue.Settings.Mode switch
        {
            RequestModes.Paid when ChargesByVideo(command) => command.VideoCredits!.Value,
            RequestModes.Paid => venue.Settings.CostPerSong,
            RequestModes.Hybrid when command.Priority => venue.Settings.PriorityCost,
            _ => 0,
        };
    }

    /// <summary>
    /// Requests are open when a host opened them and the venue's automatic closing time (local) has not passed since.
    /// </summary>
    public bool AreOpenAt(DateTimeOffset now)
    {
        if (!venue.Settings.RequestsOpen)
        {
            return false;
        }

        if (venue.Settings.AutoCloseAt is not { } closing || !VenueSettingsRules.TryParseTimeOfDay(closing, out var closingTime))
        {
            return true;
        }

        var local = VenueClock.LocalTime(venue.Timezone, now);
        var closingToday = new DateTimeOffset(local.Date + closingTime.ToTimeSpan(), local.Offset);
        var lastClosing = closingToday <= local ? closingToday : closingToday.AddDays(-1);
        return lastClosing <= venue.RequestsOpenedAt;
    }

    /// <summary>A patron's jukebox request at a PAID venue that charges each video its own price.</summary>
    private bool ChargesByVideo(RequestSong command) =>
        !command.ByHost && command.Song.Kind == RequestKinds.Jukebox && VenuePrices.Of(venue.Settings).ChargesByVideo;

    /// <summary>Queued requests, those awaiting approval and those being paid for: all count against limits and duplicates.</summary>
    public IEnumerable<QueueEntry> Waiting() =>
        venue.Queue.Concat(venue.AwaitingApproval).Concat(venue.PendingPayments.Select(p => p.Entry));
}
