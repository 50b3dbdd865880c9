namespace Singr.Api.Http;

/// <summary>The errors the platform itself produces (not a feature's business rules), in the envelope's terms.</summary>
public static class ApiErrors
{
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string BadRequest = "BAD_REQUEST";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UriTooLong = "URI_TOO_LONG";
    public const string HeadersTooLarge = "HEADERS_TOO_LARGE";
    public const string TemporarilyUnavailable = "TEMPORARILY_UNAVAILABLE";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>The error for a status the framework set without a body (no route, wrong method, no token, …).</summary>
    public static ApiError ForStatus(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => new(BadRequest, "The request could not be read.", "Something was wrong with that request.", []),
        StatusCodes.Status401Unauthorized => new(Unauthorized, "A valid access token is required.", "Please sign in again.", []),
        StatusCodes.Status403Forbidden => new(Forbidden, "The caller may not do this.", "You are not allowed to do that.", []),
        StatusCodes.Status404NotFound => new(NotFound, "No such resource.", "We couldn't find that.", []),
        StatusCodes.Status405MethodNotAllowed => new(MethodNotAllowed, "This resource does not accept that HTTP method.", "That action isn't available here.", []),
        StatusCodes.Status413PayloadTooLarge => new(PayloadTooLarge, "The body is larger than this route takes.", "That was too much to send at once.", []),
        StatusCodes.Status414UriTooLong => new(UriTooLong, "The path and query are longer than Singr reads.", "Something was wrong with that request.", []),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => new(HeadersTooLarge, "The request's headers are larger than Singr reads.", "Something was wrong with that request.", []),
        StatusCodes.Status415UnsupportedMediaType => new(UnsupportedMediaType, "Send the body as application/json.", "Something was wrong with that request.", []),
        StatusCodes.Status429TooManyRequests => TooManyRequests(),
        StatusCodes.Status503ServiceUnavailable => Unavailable(),
        _ => new($"HTTP_{statusCode}", $"The request failed with status {statusCode}.", "Something went wrong. Please try again.", []),
    };

    public static ApiError Unavailable() => new(
        TemporarilyUnavailable,
        "The service could not complete the request now; nothing was changed. Retry after the Retry-After delay.",
        "We're a little busy. Please try again in a moment.",
        []);

    public static ApiError TooManyRequests() => new(
        RateLimited,
        "Too many requests for this operation from this caller; retry after the Retry-After delay.",
        "You're going a bit fast. Please wait a moment and try again.",
        []);

    public static ApiError Internal() => new(
        InternalError,
        "An unexpected error occurred; it has been logged with this request's id.",
        "Something went wrong on our side. Please try again.",
        []);
}
