namespace Singr.Api.OpenApi;

/// <summary>
/// Endpoint metadata: a success may also carry <paramref name="DataType"/> (one route answering two shapes, as song
/// search does for karaoke and jukebox); the document lists both as oneOf (<see cref="AlternativeEnvelopeTransformer"/>).
/// </summary>
/// <param name="SchemaId">The alternative envelope's name among the document's schemas.</param>
public sealed record AlternativeEnvelope(Type DataType, string SchemaId, int StatusCode = StatusCodes.Status200OK);
