namespace Singr.Silo.Messaging;

/// <summary>Whether a claimed message may go to its provider now.</summary>
public enum SendingVerdict
{
    /// <summary>Marked <c>sending</c>: hand it to the provider.</summary>
    Send,

    /// <summary>The recipient reached the hourly limit for the channel: it was marked skipped.</summary>
    OverLimit,

    /// <summary>This worker no longer holds the claim (its lease ran out and it was released): leave it.</summary>
    NotHeld,
}
