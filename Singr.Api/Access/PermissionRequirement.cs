namespace Singr.Api.Access;

/// <summary>
/// Endpoint metadata naming the permission its access filter demands: of the caller's organisation, or of platform
/// staff. Tests and tooling read it to check every guarded endpoint without a hand-kept list.
/// </summary>
public sealed record PermissionRequirement(string Permission, bool Platform);
