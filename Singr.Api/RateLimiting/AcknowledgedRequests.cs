using Microsoft.Extensions.Caching.Memory;
using Singr.Api.Queue;

namespace Singr.Api.RateLimiting;

/// <summary>
/// The song requests this front end answered 201, by caller, venue and <c>Idempotency-Key</c>, for as long as a venue
/// replays a first result (an hour). A retry of one of them is a replay: the venue answers the first result again and
/// charges nothing, so it is counted against <see cref="RateLimitOptions.RequestReplays"/> instead of the caller's
/// request allowance. A phone on a flaky connection that retries never spends its ten requests an hour on one song.
/// </summary>
/// <remarks>
/// Per process, on purpose: a retry that lands on another front end is counted as a new request, which is the old
/// behaviour and safe. Bounded, so a flood of keys evicts the oldest rather than growing the heap.
/// </remarks>
public sealed class AcknowledgedRequests : IDisposable
{
    public static readonly TimeSpan RememberedFor = TimeSpan.FromHours(1);
    public const int MaxRemembered = 100_000;

    private readonly MemoryCache _acknowledged = new(new MemoryCacheOptions { SizeLimit = MaxRemembered });

    public void Remember(HttpContext context)
    {
        if (KeyOf(context) is { } key)
        {
            _acknowledged.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = RememberedFor });
        }
    }

    public bool IsReplay(HttpContext context) => KeyOf(context) is { } key && _acknowledged.TryGetValue(key, out _);

    public void Dispose() => _acknowledged.Dispose();

    /// <summary>Who asks (as the request limit counts them), where, and with which key; null without a key.</summary>
    private static string? KeyOf(HttpContext context) =>
        context.Request.Headers[RequestIds.IdempotencyHeader].ToString() is { Length: > 0 and <= RequestIds.MaxKeyLength } idempotencyKey
            ? $"{RateLimitPartitionKeys.For(RateLimitPolicies.PublicRequests, context)}|{context.Request.RouteValues["venueId"]}|{idempotencyKey}"
            : null;
}
