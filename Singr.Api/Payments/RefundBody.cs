namespace Singr.Api.Payments;

/// <param name="Reason">Why the purchase is paid back, for the audit trail (1 to 500 characters).</param>
public sealed record RefundBody(string? Reason);
