namespace Singr.Api.Auth;

public sealed record ChallengeRequest(string? ChallengeToken);
