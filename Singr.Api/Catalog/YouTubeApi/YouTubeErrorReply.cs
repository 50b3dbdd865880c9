namespace Singr.Api.Catalog.YouTubeApi;

/// <summary>Google's error answer: <c>{"error": {"code": 403, "message": "…", "errors": [{"reason": "quotaExceeded"}]}}</c>.</summary>
internal sealed record YouTubeErrorReply(YouTubeError? Error);
