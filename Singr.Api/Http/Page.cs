namespace Singr.Api.Http;

/// <summary>A page of a list: its items and where it sits.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, PageInfo Pagination);
