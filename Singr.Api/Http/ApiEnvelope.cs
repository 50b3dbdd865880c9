using System.Text.Json.Serialization;

namespace Singr.Api.Http;

/// <summary>The one shape of every response body (DESIGN.md section 4).</summary>
public sealed record ApiEnvelope<TData>(
    bool Success,
    TData? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiError? Error,
    ApiMeta Meta);
