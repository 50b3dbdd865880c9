using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.RequestBenchmark;

/// <summary>
/// One client per patron, each posting paid requests back to back for a fixed time. Venues are taken in turn from one
/// shared counter, so each gets about an equal share; every song has its own YouTube id and every post its own
/// Idempotency-Key. A venue that answers QUEUE_FULL is skipped from then on; when every venue is full the clients stop
/// early (the rate is then over the shorter time).
/// </summary>
internal sealed class PaidRequestLoad(HttpClient http, BenchmarkFixture fixture)
{
    private readonly bool[] _full = new bool[fixture.VenueSlugs.Count];
    private long _sequence;

    public int FullVenues => _full.Count(full => full);

    public async Task<LoadResult> RunAsync(string phase, TimeSpan duration)
    {
        var tallies = fixture.Patrons.Select(_ => new ClientTally()).ToList();
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(fixture.Patrons.Select((patron, i) => Task.Run(() => ClientLoopAsync(patron, tallies[i], elapsed, duration))));
        elapsed.Stop();
        return new LoadResult(phase, elapsed.Elapsed, tallies, FullVenues);
    }

    private async Task ClientLoopAsync(Patron patron, ClientTally tally, Stopwatch elapsed, TimeSpan duration)
    {
        while (elapsed.Elapsed < duration)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            var venue = NextOpenVenue(sequence);
            if (venue < 0)
            {
                return;
            }

            var slug = fixture.VenueSlugs[venue];
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/venues/{slug}/queue", UriKind.Relative))
            {
                Content = JsonContent.Create(new
                {
                    kind = "jukebox",
                    youtubeId = string.Create(CultureInfo.InvariantCulture, $"bn{sequence:x9}"),
                    title = string.Create(CultureInfo.InvariantCulture, $"Song {sequence}"),
                    artist = "Bench",
                    duration = 200,
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", patron.AccessToken);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var latencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    tally.DurableLatenciesMs.Add(latencyMs);
                    continue;
                }

                var code = ErrorCode(await response.Content.ReadAsStringAsync());
                if (response.StatusCode == HttpStatusCode.UnprocessableEntity && code == "QUEUE_FULL")
                {
                    tally.QueueFull++;
                    Volatile.Write(ref _full[venue], true);
                }
                else
                {
                    tally.AddFailure(string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {code}"));
                }
            }
            catch (HttpRequestException ex)
            {
                tally.AddFailure($"exception {ex.GetType().Name}");
            }
            catch (TaskCanceledException ex)
            {
                tally.AddFailure($"exception {ex.GetType().Name} (time-out)");
            }
        }
    }

    /// <summary>The venue whose turn it is, or the next one not full; -1 when all are full.</summary>
    private int NextOpenVenue(long sequence)
    {
        for (var offset = 0; offset < _full.Length; offset++)
        {
            var index = (int)((sequence + offset) % _full.Length);
            if (!Volatile.Read(ref _full[index]))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The envelope's <c>error.code</c>, or "-" when the body is not an error envelope.</summary>
    private static string ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                ? code.GetString()!
                : "-";
        }
        catch (JsonException)
        {
            return "-";
        }
    }
}
