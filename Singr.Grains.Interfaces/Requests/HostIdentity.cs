namespace Singr.Grains.Interfaces.Requests;

/// <summary>The host acting on a request, as patrons and the team see them.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.HostIdentity")]
public sealed record HostIdentity([property: Id(0)] Guid UserId, [property: Id(1)] string DisplayName);
