namespace Singr.Api.Http;

/// <summary>The envelope of a failure: <c>success</c> false, <c>data</c> null, and the error, with a code to act on and a message to show.</summary>
public sealed record ApiErrorEnvelope(bool Success, object? Data, ApiError Error, ApiMeta Meta);
