namespace Singr.Silo.Cluster;

/// <summary>Bound from the <c>Singr:Cluster</c> configuration section.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Singr:Cluster";

    /// <summary><c>silo+api</c> (default), <c>silo</c> or <c>api</c>.</summary>
    public string Role { get; set; } = "silo+api";

    /// <summary>Shared by every process of the cluster; internal calls without it are refused. At least 32 characters.</summary>
    public string? Secret { get; set; }

    /// <summary>How long one forwarding hop may take before the caller gets a timeout.</summary>
    public TimeSpan ForwardTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a call may be forwarded between silos before the caller gets a transient error.</summary>
    public int MaxForwards { get; set; } = 2;

    /// <summary>How often a front end reloads the list of live silos.</summary>
    public TimeSpan MembershipRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    public ProcessRole ParsedRole => ParseRole(Role);

    public static ProcessRole ParseRole(string role) => role?.Trim().ToLowerInvariant() switch
    {
        "silo+api" or "" or null => ProcessRole.SiloAndApi,
        "silo" => ProcessRole.Silo,
        "api" => ProcessRole.Api,
        _ => throw new InvalidOperationException($"Singr:Cluster:Role must be 'silo+api', 'silo' or 'api', not '{role}'."),
    };
}
