using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.Cluster.Tests;

/// <summary>
/// One client per patron, each posting paid requests back to back through the front end, taking the venues in turn
/// (and, if asked, patrons arriving at a steady rate besides).
/// Each request has its own Idempotency-Key; a request answered 5xx or not answered at all is sent again with the same
/// key (as the kiosk does, after a short pause) until it gets an answer that is not a failure of the service, so every
/// request a client made ends acknowledged (201) or refused, and each attempt that failed is counted.
/// </summary>
internal sealed class PaidRequestLoad(HttpClient http, PaidVenues venues) : IDisposable
{
    /// <summary>How long a client keeps retrying one request before it gives up on it.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private readonly ConcurrentQueue<FailedAttempt> _failures = new();
    private readonly ConcurrentQueue<Refused> _refused = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private long _sequence;
    private long _attempts;

    /// <summary>Milliseconds since the load was created: the clock of every record.</summary>
    public long Now => _clock.ElapsedMilliseconds;

    public IReadOnlyCollection<Acknowledged> AcknowledgedRequests => _acknowledged;

    /// <summary>Attempts answered 5xx or not answered (each was retried).</summary>
    public IReadOnlyCollection<FailedAttempt> FailedAttempts => _failures;

    /// <summary>Requests that ended without a 201: a refusal, or given up after a minute of failures.</summary>
    public IReadOnlyCollection<Refused> RefusedRequests => _refused;

    public long Attempts => Interlocked.Read(ref _attempts);

    public void Start()
    {
        for (var client = 0; client < venues.Patrons.Count; client++)
        {
            var index = client;
            _clients.Add(Task.Run(() => ClientLoopAsync(index)));
        }
    }

    /// <summary>
    /// Besides the clients (each waits for its answer before it sends more), sends one more request every
    /// <paramref name="interval"/> to the venues in turn, whether or not earlier ones were answered: a patron arriving
    /// now, so a venue's recovery shows even while every client waits on a call that hangs.
    /// </summary>
    public void StartArrivals(TimeSpan interval)
    {
        _clients.Add(Task.Run(async () =>
        {
            var arrivals = new List<Task>();
            using var timer = new PeriodicTimer(interval);
            var arrival = 0;
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    var client = arrival % venues.Patrons.Count;
                    var venue = arrival % venues.Slugs.Count;
                    arrival++;
                    arrivals.Add(Task.Run(() => RequestUntilAnsweredAsync(client, venue)));
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: no more arrivals.
            }

            await Task.WhenAll(arrivals);
        }));
    }

    /// <summary>Stops making new requests; waits for every request under way to end (acknowledged, refused, given up).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    public void Dispose() => _stop.Dispose();

    /// <summary>
    /// For the venue and for the client that took longest: when the first request sent at or after
    /// <paramref name="since"/> was acknowledged; null while some venue or client has none yet.
    /// </summary>
    public (long? SlowestVenue, long? SlowestClient) FirstSuccessesAfter(long since)
    {
        var after = _acknowledged.Where(a => a.SentAt >= since).ToList();
        var venueFirsts = Enumerable.Range(0, venues.Slugs.Count)
            .Select(v => after.Where(a => a.Venue == v).Select(a => (long?)a.AnsweredAt).Min())
            .ToList();
        var clientFirsts = Enumerable.Range(0, venues.Patrons.Count)
            .Select(c => after.Where(a => a.Client == c).Select(a => (long?)a.AnsweredAt).Min())
            .ToList();
        return (venueFirsts.Any(f => f is null) ? null : venueFirsts.Max(), clientFirsts.Any(f => f is null) ? null : clientFirsts.Max());
    }

    /// <summary>Requests sent at or after <paramref name="since"/> and acknowledged.</summary>
    public int AcknowledgedSince(long since) => _acknowledged.Count(a => a.SentAt >= since);

    /// <summary>"503 SERVICE_UNAVAILABLE × 12, HttpRequestException × 3"; "none" when empty.</summary>
    public static string Tally(IEnumerable<string> kinds)
    {
        var counts = kinds.GroupBy(k => k, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} × {g.Count()}").ToList();
        return counts.Count == 0 ? "none" : string.Join(", ", counts);
    }

    private async Task ClientLoopAsync(int client)
    {
        while (!_stop.IsCancellationRequested)
        {
            await RequestUntilAnsweredAsync(client, venue: -1);
        }
    }

    /// <summary>One song request, sent again with its key after each failure until it is answered; venue -1: the next in turn.</summary>
    private async Task RequestUntilAnsweredAsync(int client, int venue)
    {
        var patron = venues.Patrons[client];
        var sequence = Interlocked.Increment(ref _sequence);
        if (venue < 0)
        {
            venue = (int)(sequence % venues.Slugs.Count);
        }

        var key = Guid.NewGuid().ToString();
        var song = new
        {
            kind = "jukebox",
            youtubeId = string.Create(CultureInfo.InvariantCulture, $"cl{sequence:x9}"),
            title = string.Create(CultureInfo.InvariantCulture, $"Song {sequence}"),
            artist = "The Failovers",
            duration = 200,
        };
        var sentAt = Now;
        var failedBefore = 0;
        while (true)
        {
            var attemptAt = Now;
            var (status, code, itemId) = await PostAsync(venues.Slugs[venue], patron, key, song);
            if (status == (int)HttpStatusCode.Created)
            {
                _acknowledged.Enqueue(new Acknowledged(client, venue, key, itemId!.Value, sentAt, Now));
                return;
            }

            if (status is > 0 and < 500)
            {
                _refused.Enqueue(new Refused(client, venue, key, $"{status} {code}", failedBefore, Now));
                return;
            }

            failedBefore++;
            _failures.Enqueue(new FailedAttempt(client, venue, key, status == 0 ? code : $"{status} {code}", attemptAt, Now));
            if (Now - sentAt > GiveUpAfter.TotalMilliseconds)
            {
                _refused.Enqueue(new Refused(client, venue, key, $"gave up after {GiveUpAfter.TotalSeconds} s of {code}", failedBefore, Now));
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <returns>The status (0 when there was no answer), the envelope's error code or the exception's name, the item id of a 201.</returns>
    private async Task<(int Status, string Code, Guid? ItemId)> PostAsync(string slug, PaidVenues.Patron patron, string key, object song)
    {
        Interlocked.Increment(ref _attempts);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/venues/{slug}/queue", UriKind.Relative))
        {
            Content = JsonContent.Create(song),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", patron.AccessToken);
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            using var envelope = JsonDocument.Parse(body);
            var root = envelope.RootElement;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (201, string.Empty, root.GetProperty("data").GetProperty("item").GetProperty("id").GetGuid());
            }

            var code = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? error.GetProperty("code").GetString() ?? "-"
                : "-";
            return ((int)response.StatusCode, code, null);
        }
        catch (HttpRequestException ex)
        {
            return (0, ex.GetType().Name, null);
        }
        catch (TaskCanceledException)
        {
            return (0, "time-out", null);
        }
        catch (JsonException)
        {
            return (0, "unreadable answer", null);
        }
    }

    /// <param name="SentAt">When the client first sent it (milliseconds of <see cref="Now"/>).</param>
    /// <param name="AnsweredAt">When its 201 arrived.</param>
    internal sealed record Acknowledged(int Client, int Venue, string IdempotencyKey, Guid ItemId, long SentAt, long AnsweredAt);

    /// <param name="SentAt">When this attempt was sent.</param>
    /// <param name="At">When it failed (its answer or its exception).</param>
    internal sealed record FailedAttempt(int Client, int Venue, string IdempotencyKey, string Kind, long SentAt, long At);

    /// <param name="FailedAttemptsBefore">How many attempts of the same request (same Idempotency-Key) had failed before this answer.</param>
    internal sealed record Refused(int Client, int Venue, string IdempotencyKey, string Kind, int FailedAttemptsBefore, long At);
}
