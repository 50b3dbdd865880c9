namespace Singr.Api.Requests;

/// <summary><c>PATCH /v1/customer/requests/{id}/process</c>: mark a request dealt with, or not.</summary>
public sealed record ProcessRequestBody(bool? Processed);
