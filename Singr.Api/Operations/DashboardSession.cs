namespace Singr.Api.Operations;

/// <summary>What <c>POST /v1/admin/ops/session</c> returns besides its cookie: where the dashboard is, until when.</summary>
public sealed record DashboardSession(string DashboardUrl, DateTimeOffset ExpiresAt);
