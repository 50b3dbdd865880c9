namespace Singr.RequestBenchmark;

/// <summary>A registered user who pays for requests: one per client.</summary>
internal sealed record Patron(Guid UserId, string AccessToken);
