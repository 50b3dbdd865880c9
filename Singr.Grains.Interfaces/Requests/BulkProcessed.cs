namespace Singr.Grains.Interfaces.Requests;

/// <param name="Updated">Requests marked, over every venue.</param>
/// <param name="Venues">Each venue's part: marked together, or left as it was with the reason.</param>
[GenerateSerializer]
[Alias("singr.requests.BulkProcessed")]
public sealed record BulkProcessed([property: Id(0)] int Updated, [property: Id(1)] IReadOnlyList<VenueBulkProcessed> Venues);
