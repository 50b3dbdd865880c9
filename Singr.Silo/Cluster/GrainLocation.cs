namespace Singr.Silo.Cluster;

/// <param name="IsPlacement">True when no live silo hosts the grain and <paramref name="Silo"/> is where placement would put it.</param>
internal sealed record GrainLocation(SiloEndpoint Silo, bool IsPlacement);
