namespace Singr.Api.Http;

public sealed record ApiErrorDetail(string Field, string Message);
