namespace Singr.Api.Quotas;

/// <param name="Name">1 to 40 characters, unique within the venue (any case), e.g. "regular" or "vip".</param>
/// <param name="RequestsAllowed">Requests per period, 0 to 1000.</param>
/// <param name="Period">NIGHT (06:00 to 06:00, venue time) or MONTH (calendar month).</param>
public sealed record QuotaTierBody(string? Name, int? RequestsAllowed, string? Period);
