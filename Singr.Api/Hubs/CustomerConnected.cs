namespace Singr.Api.Hubs;

public sealed record CustomerConnected(string ClientId, int VenueCount);
