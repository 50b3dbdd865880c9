namespace Singr.Silo.Hosting;

/// <summary>
/// Bound from <c>Singr:Orleans</c>: how this process joins the Orleans cluster. Membership timings are Orleans's own
/// <c>ClusterMembershipOptions</c>, bound from <c>Singr:Orleans:Membership</c>.
/// </summary>
public sealed class OrleansOptions
{
    public const string SectionName = "Singr:Orleans";

    /// <summary>Silos and clients with the same cluster id (and database) form one cluster.</summary>
    public string ClusterId { get; set; } = "singr";

    /// <summary>Stays the same across deployments: reminders and state are kept per service.</summary>
    public string ServiceId { get; set; } = "singr";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port front ends (Orleans clients) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The IP address other silos and front ends reach this silo at (Kubernetes: the pod IP). Empty: loopback, for one
    /// machine.
    /// </summary>
    public string AdvertisedAddress { get; set; } = string.Empty;

    /// <summary>An activation with no call for this long is deactivated.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a front end starting up keeps looking for a silo's gateway before it gives up.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a caller waits for a grain call before it gets a <see cref="TimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
