namespace Singr.Api.Wallets;

/// <summary>Platform credits (EARNED), such as a promotion.</summary>
public sealed record GrantCreditsBody(int? Amount, string? Reason);
