namespace Singr.Api.Catalog;

internal static partial class VideoCatalogLog
{
    public const int CallFailedEventId = 7311;

    [LoggerMessage(EventId = CallFailedEventId, EventName = "YouTubeCallFailed", Level = LogLevel.Warning,
        Message = "A YouTube call failed ({Failure}): {Reason}")]
    public static partial void CallFailed(ILogger logger, YouTubeFailure failure, string reason);
}
