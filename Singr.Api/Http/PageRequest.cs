namespace Singr.Api.Http;

/// <summary>Page and limit from the query string, checked against PAGINATION limits (default 20, at most 100).</summary>
public sealed record PageRequest(int Page, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public int Offset => (Page - 1) * Limit;

    public static PageRequest Parse(HttpRequest request, List<ApiErrorDetail> problems, int maxLimit = MaxLimit)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var page = QueryValues.WholeNumber(request, "page", 1, 1, 100_000, problems);
        var limit = QueryValues.WholeNumber(request, "limit", DefaultLimit, 1, maxLimit, problems);
        return new PageRequest(page, limit);
    }

    public Page<T> Of<T>(IReadOnlyList<T> items, long total) =>
        new(items, new PageInfo(Page, Limit, total, (int)((total + Limit - 1) / Limit)));
}
