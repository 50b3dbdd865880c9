namespace Singr.Silo.Hosting;

/// <summary>Bound from the <c>Singr:Silo</c> configuration section.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Singr:Silo";

    /// <summary>The base URL other silos and front ends reach this silo's internal endpoint at.</summary>
    public string Address { get; set; } = "http://127.0.0.1:5080";

    /// <summary>An activation with no call for this long is deactivated.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A silo whose heartbeat is older than this many intervals is declared dead.</summary>
    public int MissedHeartbeatsBeforeDead { get; set; } = 3;

    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a caller waits for a grain call before it gets a <see cref="TimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a grain's <c>OnDeactivateAsync</c> may take, and how long a rerouted call waits for it.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a draining silo keeps answering after its grains are gone, forwarding what still arrives, so every
    /// other process has reloaded the membership (and stopped sending here) before its server closes connections.
    /// Longer than <see cref="HeartbeatInterval"/> and the front ends' membership refresh.
    /// </summary>
    public TimeSpan DrainGracePeriod { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Register activations in the grain directory (the default). Turned off only by tests that need two activations of
    /// one grain, to show that the state version check alone prevents lost updates.
    /// </summary>
    public bool UseGrainDirectory { get; set; } = true;
}
