namespace Singr.Grains.Interfaces.Requests;

/// <param name="Deleted">Requests cleared.</param>
/// <param name="StillWaiting">Requests that matched but are still waiting, so were kept.</param>
public sealed record RequestsDeleted(int Deleted, int StillWaiting);
