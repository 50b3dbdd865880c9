namespace Singr.Api.Hubs;

/// <summary>Bound from <c>Singr:Hubs</c>: the limits that keep one connection from hurting the others.</summary>
public sealed class SingrHubOptions
{
    public const string SectionName = "Singr:Hubs";

    /// <summary>Events waiting to be sent to one connection; a client further behind is disconnected (it resumes).</summary>
    public int SendBufferEvents { get; set; } = 1024;

    /// <summary>Hub method calls one connection may make per second.</summary>
    public int InvocationsPerSecond { get; set; } = 20;

    public long MaximumReceiveMessageSize { get; set; } = 32 * 1024;

    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan ClientTimeoutInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often live connections are checked against revocations (a revoked player, a removed member).</summary>
    public TimeSpan AccessCheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}
