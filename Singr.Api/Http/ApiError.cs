namespace Singr.Api.Http;

/// <param name="Code">UPPER_SNAKE, stable, for programs.</param>
/// <param name="Message">For developers.</param>
/// <param name="UserMessage">For the patron or host looking at the screen.</param>
public sealed record ApiError(string Code, string Message, string UserMessage, IReadOnlyList<ApiErrorDetail> Details);
