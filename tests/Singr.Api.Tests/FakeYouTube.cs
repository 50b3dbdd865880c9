using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Request = WireMock.RequestBuilders.Request;

namespace Singr.Api.Tests;

/// <summary>
/// A local stand-in for the YouTube Data API v3 (WireMock): <c>search</c> answers the videos a test gave a query,
/// <c>videos</c> describes the videos it knows, both only for the test key and the parameters Singr must send. It counts
/// what it was asked, and fails a query as told.
/// </summary>
internal sealed class FakeYouTube : IDisposable
{
    public const string ApiKey = "AIza-singr-fake-key";

    private const string Prefix = "/youtube/v3";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, FakeVideo> _videos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _searches = new(StringComparer.Ordinal);

    public FakeYouTube()
    {
        _server.Given(Request.Create().WithPath($"{Prefix}/search").UsingGet()
                .WithParam("key", ApiKey).WithParam("part", "snippet").WithParam("type", "video")
                .WithParam("videoCategoryId", "10").WithParam("safeSearch", "moderate"))
            .AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SearchAnswer));
        _server.Given(Request.Create().WithPath($"{Prefix}/videos").UsingGet().WithParam("key", ApiKey))
            .AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(VideosAnswer));
    }

    public string BaseUrl => _server.Urls[0] + Prefix;

    /// <summary><paramref name="query"/> (as Singr sends it: lower case, single spaces) finds <paramref name="videos"/>.</summary>
    public void Knows(string query, params FakeVideo[] videos)
    {
        foreach (var video in videos)
        {
            _videos[video.Id] = video;
        }

        _searches[query] = [.. videos.Select(v => v.Id)];
    }

    /// <summary>A search for <paramref name="query"/> answers <paramref name="status"/> with Google's error body for <paramref name="reason"/>.</summary>
    public void Fails(string query, int status, string reason, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody(JsonSerializer.Serialize(new { error = new { code = status, message = reason, errors = new[] { new { domain = "youtube", reason } } } }));
        if (delay is { } wait)
        {
            response.WithDelay(wait);
        }

        _server.Given(Request.Create().WithPath($"{Prefix}/search").UsingGet().WithParam("q", query)).AtPriority(1).RespondWith(response);
    }

    /// <summary>The queries of the calls made to <c>search</c> or <c>videos</c>, oldest first.</summary>
    public IReadOnlyList<Dictionary<string, StringValues>> Calls(string resource) =>
        [.. _server.LogEntries
            .Where(e => e.RequestMessage.Path == $"{Prefix}/{resource}")
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => QueryHelpers.ParseQuery(e.RequestMessage.RawQuery))];

    public int SearchesFor(string query) => Calls("search").Count(q => q["q"] == query);

    public int VideoCallsFor(string id) => Calls("videos").Count(q => q["id"].ToString().Split(',').Contains(id));

    private string SearchAnswer(IRequestMessage request)
    {
        var query = QueryHelpers.ParseQuery(request.RawQuery);
        var ids = _searches.GetValueOrDefault(query["q"].ToString(), []);
        var limit = int.Parse(query["maxResults"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new
        {
            kind = "youtube#searchListResponse",
            items = ids.Take(limit).Select(id => new { kind = "youtube#searchResult", id = new { kind = "youtube#video", videoId = id }, snippet = new { title = "search snippets are not read" } }),
        });
    }

    private string VideosAnswer(IRequestMessage request)
    {
        var ids = QueryHelpers.ParseQuery(request.RawQuery)["id"].ToString().Split(',');
        return JsonSerializer.Serialize(new
        {
            kind = "youtube#videoListResponse",
            items = ids.Select(id => _videos.GetValueOrDefault(id)).OfType<FakeVideo>().Select(v => new
            {
                kind = "youtube#video",
                id = v.Id,
                snippet = new
                {
                    title = v.Title,
                    channelTitle = v.Channel,
                    liveBroadcastContent = "none",
                    thumbnails = new Dictionary<string, object>
                    {
                        ["default"] = new { url = $"https://i.ytimg.com/vi/{v.Id}/default.jpg" },
                        ["medium"] = new { url = $"https://i.ytimg.com/vi/{v.Id}/mqdefault.jpg" },
                    },
                },
                contentDetails = new { duration = v.Duration },
                statistics = new { viewCount = v.Views.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }),
        });
    }

    public void Dispose() => _server.Dispose();
}
