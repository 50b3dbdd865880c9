namespace Singr.Grains.Interfaces.Requests;

/// <summary>The host acting on a request, as patrons and the team see them.</summary>
public sealed record HostIdentity(Guid UserId, string DisplayName);
