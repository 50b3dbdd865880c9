namespace Singr.Api.Http;

public sealed record ApiMeta(DateTimeOffset Timestamp, string RequestId);
