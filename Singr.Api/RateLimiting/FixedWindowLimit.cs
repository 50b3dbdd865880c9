namespace Singr.Api.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> for one partition (user or client address).</summary>
public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public static FixedWindowLimit Of(int permitLimit, TimeSpan window) => new() { PermitLimit = permitLimit, Window = window };
}
