namespace Singr.Silo.Cluster;

/// <summary>This silo: a new id and generation on every start, so a restarted silo is never mistaken for its predecessor.</summary>
public sealed record SiloIdentity(Guid SiloId, string Address, long Generation)
{
    public static SiloIdentity New(string address, TimeProvider timeProvider) =>
        new(Guid.NewGuid(), address, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
}
