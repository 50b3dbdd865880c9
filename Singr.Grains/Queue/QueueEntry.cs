namespace Singr.Grains.Queue;

/// <summary>A request in a venue's state, from the moment it is accepted until it has ended.</summary>
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

    public Guid? PatronUserId { get; set; }

    public string RequestedByName { get; set; } = string.Empty;

    public int CreditsCost { get; set; }

    public bool Priority { get; set; }

    /// <summary>True while its credits are held in the patron's wallet (ON_PLAY), until played or released.</summary>
    public bool CreditsHeld { get; set; }

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The host has dealt with it: by hand, or when it stopped waiting.</summary>
    public bool Processed { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Its answer, in a venue that approves requests; null elsewhere.</summary>
    public ApprovalState? Approval { get; set; }

    /// <summary>The quota period it counts in (its patron's tier's night or month); null when it counts in none.</summary>
    public string? QuotaPeriod { get; set; }

    /// <summary>The key that makes two requests the same song (video id, else artist and title, any case).</summary>
    public string SongKey { get; set; } = string.Empty;
}
