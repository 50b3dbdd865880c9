namespace Singr.Api.Admin;

/// <summary>The user to act as, by id or by email.</summary>
public sealed record ImpersonateRequest(Guid? UserId, string? Email);
