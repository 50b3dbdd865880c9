using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Singr.Api.Catalog;

/// <summary>
/// YouTube's answers, kept by this front end for <see cref="YouTubeOptions.CacheDuration"/>: the same for every venue,
/// so a song that a whole city searches costs its quota once an hour. Patrons typing the same search at once share
/// one call. Only answers are kept, never failures.
/// </summary>
public sealed class VideoCatalogCache(IOptions<YouTubeOptions> options) : IDisposable
{
    /// <summary>About 10,000 searches and videos: a few megabytes at most.</summary>
    public const int MaxEntries = 10_000;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _inFlight = new(StringComparer.Ordinal);

    public bool TryGet<T>(string key, out T? value)
        where T : class =>
        _answers.TryGetValue(key, out value);

    public void Keep<T>(string key, T value)
        where T : class =>
        _answers.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.CacheDuration });

    /// <summary>
    /// The kept answer of <paramref name="key"/>, or <paramref name="fetch"/>'s, which is kept when it is an answer.
    /// The fetch runs to its end even when the caller stops waiting (others may be waiting for it).
    /// </summary>
    public async Task<CatalogOutcome<T>> GetOrFetchAsync<T>(string key, Func<Task<CatalogOutcome<T>>> fetch, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (TryGet<T>(key, out var kept))
        {
            return new CatalogOutcome<T>(kept);
        }

        var call = _inFlight.GetOrAdd(key, missing => new Lazy<Task<object>>(async () =>
        {
            try
            {
                var outcome = await fetch();
                if (outcome is { Error: null, Value: { } value })
                {
                    Keep(key, value);
                }

                return outcome;
            }
            finally
            {
                _inFlight.TryRemove(key, out _);
            }
        }));
        return (CatalogOutcome<T>)await call.Value.WaitAsync(cancellationToken);
    }

    public void Dispose() => _answers.Dispose();
}
