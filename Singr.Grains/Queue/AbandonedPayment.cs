namespace Singr.Grains.Queue;

/// <summary>A paid request the venue dropped because the wallet never charged it: its last try, and when.</summary>
public sealed class AbandonedPayment
{
    public int Attempt { get; set; }

    public DateTimeOffset At { get; set; }
}
