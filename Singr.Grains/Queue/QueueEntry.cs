using Singr.Grains.Interfaces.Queue;

namespace Singr.Grains.Queue;

/// <summary>A request in a venue's state, from the moment it is accepted until it has ended.</summary>
/// <remarks>Its fields are named as the views name them (<see cref="RequestViews"/>); storage keeps the names three of
/// them were first stored under (<c>StoredNames</c> in the silo).</remarks>
public sealed class QueueEntry
{
    public Guid Id { get; set; }

    /// <summary>The idempotency id it was requested with.</summary>
    public Guid RequestId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? Artist { get; set; }

    public int KeyChange { get; set; }

    public string? Notes { get; set; }

    public string? SingerName { get; set; }

    public string? YoutubeId { get; set; }

    public int? DurationSeconds { get; set; }

    public string? ThumbnailUrl { get; set; }

    public string PatronKey { get; set; } = string.Empty;

    public Guid? SubmittedByUserId { get; set; }

    /// <summary>Whose wallet pays (a guest's own); null on requests of accounts, and of before guests had wallets.</summary>
    public Guid? WalletId { get; set; }

    /// <summary>The wallet charged for this request and owed its captures and releases.</summary>
    public Guid? PayingWallet() => WalletId ?? SubmittedByUserId;

    /// <summary>
    /// Until the request is accepted: the singer's account whose key change for this song is remembered with it
    /// (<see cref="KeyChangeMemory"/>). Cleared on acceptance, so no account key stays in the queue.
    /// </summary>
    public string? SingerAccount { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    public int CreditsCost { get; set; }

    public bool Priority { get; set; }

    /// <summary>True while its credits are held in the patron's wallet (ON_PLAY), until played or released.</summary>
    public bool CreditsHeld { get; set; }

    /// <summary>The patron has been told two songs wait ahead of theirs (<c>up_next</c>); told once, whatever moves after.</summary>
    public bool UpNextAnnounced { get; set; }

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The host has dealt with it: by hand, or when it stopped waiting.</summary>
    public bool Processed { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Its answer, in a venue that approves requests; null elsewhere.</summary>
    public ApprovalState? Approval { get; set; }

    /// <summary>A patron's own request: it counts in their quota (a host's on-behalf request does not).</summary>
    public bool CountsInQuota { get; set; }

    /// <summary>The night and month it was counted in, so a rejection gives it back to those and no others.</summary>
    public string? QuotaNight { get; set; }

    public string? QuotaMonth { get; set; }

    /// <summary>The period of its patron's tier when it was made (a night or a month); null when no tier applied.</summary>
    public string? QuotaPeriod { get; set; }

    /// <summary>The key that makes two requests the same song (video id, else artist and title, any case).</summary>
    public string SongKey { get; set; } = string.Empty;
}
