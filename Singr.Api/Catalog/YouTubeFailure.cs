namespace Singr.Api.Catalog;

/// <summary>Why a call to YouTube gave no answer.</summary>
public enum YouTubeFailure
{
    /// <summary>YouTube says the project's quota is spent (403 quotaExceeded or dailyLimitExceeded).</summary>
    QuotaExceeded,

    /// <summary>A 5xx, a timeout, a refused connection, an answer that is not YouTube's JSON, or a key YouTube refuses.</summary>
    Unavailable,
}
