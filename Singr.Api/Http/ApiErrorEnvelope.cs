namespace Singr.Api.Http;

/// <summary>The envelope of a failure: <c>success</c> false, <c>data</c> null, and the error (DESIGN.md section 4).</summary>
public sealed record ApiErrorEnvelope(bool Success, object? Data, ApiError Error, ApiMeta Meta);
