namespace Singr.Api.Payments;

/// <summary>Credits sold together at one price.</summary>
/// <param name="PriceCents">In the currency's smallest unit (cents).</param>
public sealed record CreditPackage(string Name, int Credits, long PriceCents, string Currency);
