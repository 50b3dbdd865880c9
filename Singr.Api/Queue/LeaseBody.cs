namespace Singr.Api.Queue;

public sealed record LeaseBody(Guid? PlayerId);
