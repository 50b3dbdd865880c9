namespace Singr.Api.Players;

public sealed record PairRequest(string? Code, string? DeviceId);
