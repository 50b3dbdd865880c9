namespace Singr.Api.Http;

public sealed record PageInfo(int Page, int Limit, long Total, int TotalPages);
