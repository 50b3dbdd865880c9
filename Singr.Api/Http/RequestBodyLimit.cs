using Microsoft.AspNetCore.Http.Metadata;

namespace Singr.Api.Http;

/// <summary>Endpoint metadata: this route takes bodies up to <paramref name="Bytes"/> (an upload), not the JSON default.</summary>
public sealed record RequestBodyLimit(long Bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => Bytes;
}
