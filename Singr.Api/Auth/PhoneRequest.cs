namespace Singr.Api.Auth;

/// <param name="Phone">In international form (E.164, e.g. +447700900123); spaces, dashes, dots and brackets are ignored.</param>
public sealed record PhoneRequest(string? Phone);
