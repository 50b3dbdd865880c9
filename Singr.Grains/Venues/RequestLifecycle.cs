using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Requests;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

/// <summary>
/// A request starting to play and ending, and what that owes the patron's wallet: held credits (ON_PLAY) become spent
/// once the song is heard (the player reports it playing, or played to its end) and go back when it ends unheard:
/// skipped while loading, removed, failed. The wallet calls wait in the venue's outbox, committed with the
/// state, and are sent after the write.
/// </summary>
public static class RequestLifecycle
{
    /// <summary>Ends a request that was waiting or playing, as <paramref name="status"/>: it counts as processed.</summary>
    public static void End(VenueState venue, QueueEntry entry, string status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(entry);
        if (status == QueueItemStatuses.Played)
        {
            CaptureHeldCredits(venue, entry);
        }

        var releaseHold = entry.CreditsHeld;
        entry.Status = status;
        entry.EndedAt = now;
        if (!entry.Processed)
        {
            entry.Processed = true;
            entry.ProcessedAt = now;
        }

        if (status == QueueItemStatuses.Played && entry.Approval is { Status: ApprovalStatuses.Approved } approval)
        {
            approval.Status = ApprovalStatuses.Fulfilled;
        }

        if (releaseHold && entry.PayingWallet() is { } userId)
        {
            entry.CreditsHeld = false;
            venue.WalletOutbox.Add(new WalletAction { RequestId = entry.RequestId, UserId = userId, Capture = false });
        }
    }

    /// <summary>The request becomes now playing; when <paramref name="heard"/>, its held credits are owed as spent.</summary>
    public static void Start(VenueState venue, QueueEntry entry, DateTimeOffset now, bool heard)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Status = QueueItemStatuses.Playing;
        entry.StartedAt = now;
        if (heard)
        {
            CaptureHeldCredits(venue, entry);
        }
    }

    /// <summary>Credits held for the request are owed as spent.</summary>
    public static void CaptureHeldCredits(VenueState venue, QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.CreditsHeld && entry.PayingWallet() is { } userId)
        {
            entry.CreditsHeld = false;
            venue.WalletOutbox.Add(new WalletAction { RequestId = entry.RequestId, UserId = userId, Capture = true });
        }
    }
}
