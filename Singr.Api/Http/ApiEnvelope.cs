using System.Text.Json.Serialization;

namespace Singr.Api.Http;

/// <summary>The one shape of every response body (<c>success</c>, <c>data</c>, <c>error</c>, <c>requestId</c>): clients read every answer the same way.</summary>
public sealed record ApiEnvelope<TData>(
    bool Success,
    TData? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiError? Error,
    ApiMeta Meta);
