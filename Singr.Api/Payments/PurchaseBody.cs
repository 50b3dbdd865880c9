namespace Singr.Api.Payments;

/// <param name="Package">The package's name, from <c>GET /v1/credits/packages</c>.</param>
public sealed record PurchaseBody(string? Package);
