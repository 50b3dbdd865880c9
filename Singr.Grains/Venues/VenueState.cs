using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Queue;

namespace Singr.Grains.Venues;

public sealed class VenueState
{
    public Guid CustomerId { get; set; }

    public string Slug { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Timezone { get; set; } = "UTC";

    public string? Address { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Dictionary<Guid, PairedPlayerState> Players { get; set; } = [];

    /// <summary>Hashes of the pairing codes this venue issued that are not spent yet, with their expiry.</summary>
    public Dictionary<string, DateTimeOffset> PendingPairingCodes { get; set; } = [];

    public VenueSettings Settings { get; set; } = VenueSettings.Default;

    /// <summary>When a host last opened requests: an automatic closing time after it closes them.</summary>
    public DateTimeOffset RequestsOpenedAt { get; set; }

    /// <summary>Queued requests in play order.</summary>
    public List<QueueEntry> Queue { get; set; } = [];

    public QueueEntry? NowPlaying { get; set; }

    /// <summary>Patrons' requests awaiting a host's answer (venues that approve requests), oldest first.</summary>
    public List<QueueEntry> AwaitingApproval { get; set; } = [];

    public QuotaPolicyState Quotas { get; set; } = new();

    /// <summary>Requests counted per patron key in the current period of their tier (older periods are dropped).</summary>
    public Dictionary<string, QuotaUsage> QuotaUsage { get; set; } = [];

    /// <summary>Changes with every change of the queue's order or content.</summary>
    public long QueueVersion { get; set; }

    public List<PendingPayment> PendingPayments { get; set; } = [];

    public List<WalletAction> WalletOutbox { get; set; } = [];

    public List<KeyChangeMemory> KeyChangesOwed { get; set; } = [];

    /// <summary>First results of accepted requests by request id, for idempotent retries (the last 200, an hour at most).</summary>
    public Dictionary<Guid, RequestAccepted> Accepted { get; set; } = [];

    /// <summary>
    /// Paid requests dropped because their payment never happened (their turn died before the charge), by request id:
    /// the last try given up on, so the patron's retry pays as a later try. Kept as long as <see cref="Accepted"/>.
    /// </summary>
    public Dictionary<Guid, AbandonedPayment> Abandoned { get; set; } = [];

    public List<RecentSong> RecentSongs { get; set; } = [];

    public PlayerLease Player { get; set; } = new();

    /// <summary>The sequence number of the venue's last event (its stream's only writer is this grain).</summary>
    public long EventSeq { get; set; }

    /// <summary>The last host commands for the player, oldest first.</summary>
    public List<PlayerCommand> Commands { get; set; } = [];
}
