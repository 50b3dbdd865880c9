namespace Singr.Api.Hubs;

public sealed record LiveConnectionStats(int TotalConnections, int CustomerConnections);
