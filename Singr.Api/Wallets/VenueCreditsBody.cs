namespace Singr.Api.Wallets;

/// <summary>A host giving (ADDED) or taking (REMOVED) credits of a patron, named by user id or email.</summary>
public sealed record VenueCreditsBody(Guid? UserId, string? Email, int? Amount, string? Type, string? Reason);
