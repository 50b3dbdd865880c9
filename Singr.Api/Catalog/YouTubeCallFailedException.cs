namespace Singr.Api.Catalog;

/// <summary>A call to YouTube failed; <see cref="VideoCatalog"/> answers it as a refusal, never as a 500.</summary>
public sealed class YouTubeCallFailedException : Exception
{
    public YouTubeCallFailedException()
    {
    }

    public YouTubeCallFailedException(string message)
        : base(message)
    {
    }

    public YouTubeCallFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public YouTubeCallFailedException(YouTubeFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public YouTubeFailure Failure { get; } = YouTubeFailure.Unavailable;
}
