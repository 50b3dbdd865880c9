namespace Singr.Api.Requests;

/// <param name="Updated">Requests marked (every id sent, since a bulk change is all or nothing).</param>
public sealed record BulkProcessed(int Updated);
