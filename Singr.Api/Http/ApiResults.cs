using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Http;

/// <summary>Endpoint results in the envelope, with meaningful status codes.</summary>
public static class ApiResults
{
    public static IResult Success<TData>(HttpContext context, TData data, int statusCode = StatusCodes.Status200OK, string? message = null) =>
        Results.Json(Envelope.Success(context, data, message), statusCode: statusCode);

    public static IResult Failure(HttpContext context, int statusCode, ApiError error) =>
        Results.Json(Envelope.Failure(context, error), statusCode: statusCode);

    /// <summary>The fields a grain's rules (<c>…Rules.Check</c>) found wrong.</summary>
    public static IResult ValidationFailed(HttpContext context, IReadOnlyList<FieldProblem> problems) =>
        ValidationFailed(context, [.. problems.Select(p => new ApiErrorDetail(p.Field, p.Message))]);

    public static IResult ValidationFailed(HttpContext context, IReadOnlyList<ApiErrorDetail> details) =>
        Failure(context, StatusCodes.Status400BadRequest, new ApiError(
            "VALIDATION_ERROR",
            "One or more fields are invalid; see details.",
            "Please check the highlighted fields.",
            details));
}
