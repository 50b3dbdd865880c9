namespace Singr.Api.Requests;

/// <param name="Updated">Requests marked, over every venue.</param>
/// <param name="Venues">Each venue's part: marked together, or left as it was with the reason.</param>
public sealed record BulkProcessed(int Updated, IReadOnlyList<VenueBulkProcessed> Venues);
