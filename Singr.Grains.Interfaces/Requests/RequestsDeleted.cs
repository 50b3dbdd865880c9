namespace Singr.Grains.Interfaces.Requests;

/// <param name="Deleted">Requests cleared.</param>
/// <param name="StillWaiting">Requests that matched but are still waiting, so were kept.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.RequestsDeleted")]
public sealed record RequestsDeleted([property: Id(0)] int Deleted, [property: Id(1)] int StillWaiting);
