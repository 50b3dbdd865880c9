namespace Singr.Silo.Cluster;

/// <summary>A live silo and the base address of its internal endpoint.</summary>
public sealed record SiloEndpoint(Guid SiloId, Uri Address);
