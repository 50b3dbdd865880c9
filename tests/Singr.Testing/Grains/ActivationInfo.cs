namespace Singr.Testing.Grains;

/// <summary>Which activation answered, on which silo, and the state version it holds.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.testing.ActivationInfo")]
public sealed record ActivationInfo(
    [property: Id(0)] Guid ActivationId,
    [property: Id(1)] SiloAddress Silo,
    [property: Id(2)] long Version);
