namespace Singr.Api.Customers;

public sealed record CustomerNameRequest(string? Name);
