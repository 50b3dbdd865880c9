using System.Text;
using Microsoft.OpenApi;
using Singr.Api.Access;
using Singr.Api.Catalog;
using Singr.Api.Http;
using Singr.Api.OpenApi;
using Singr.Api.RateLimiting;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Songbook;
using Orleans;

namespace Singr.Api.Songbook;

/// <summary>
/// A venue's songbook: hosts import it as CSV, everyone at the venue searches it; jukebox search goes to YouTube
/// (<see cref="VideoCatalog"/>).
/// </summary>
public static class SongbookEndpoints
{
    /// <summary>The largest songbook upload: 50,000 songs of about 160 bytes.</summary>
    public const long MaxImportBytes = 8 * 1024 * 1024;

    /// <summary>How many of a refused import's problems are listed (the message counts them all).</summary>
    public const int ListedProblems = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapSongbookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var venue = endpoints.MapGroup("/v1/venues/{venueId}").WithTags("Songbook");
        venue.MapPost("/songbook", ImportAsync)
            .WithSummary("Replace the venue's karaoke songbook with a CSV file (artist, title; optional disc_id, language, tags)")
            .WithDescription("All or nothing: a bad line refuses the import with each problem by line (lines[12].title), and the songbook stays as it was. Up to 50,000 songs, 8 MB.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Described, not enforced: a content type the route refused would answer 415 before access is checked.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
                };
                return Task.CompletedTask;
            })
            .ProducesEnvelope<SongbookImported>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestBodyLimit(MaxImportBytes))
            .RequireRateLimiting(RateLimitPolicies.CustomerSongDbImport)
            .RequireCustomerPermission(Permissions.SongDbWrite)
            .RequireOwnedVenue();
        venue.MapGet("/songs/search", SearchAsync)
            .WithSummary("Search the venue's songs: words from their beginning, and near spellings")
            .WithDescription("kind=karaoke (the default) searches the songbook (SongbookSong); kind=jukebox searches YouTube's music videos (JukeboxVideo: youtubeId, title, artist, channelTitle, durationSeconds, thumbnailUrl, viewCount and credits, what a request for it costs here), without those the venue's blocklist refuses. Jukebox answers are reused for an hour. Refusals: JUKEBOX_SEARCH_OFF (422, no YouTube key on this server), REQUEST_KIND_NOT_ACCEPTED (422, a venue that takes no jukebox requests), JUKEBOX_SEARCH_QUOTA_SPENT (503 with Retry-After: today's YouTube quota is spent until midnight Pacific time), JUKEBOX_PROVIDER_FAILED (502: YouTube did not answer).")
            .ProducesEnvelope<IReadOnlyList<SongbookSong>>()
            .WithMetadata(new AlternativeEnvelope(typeof(IReadOnlyList<JukeboxVideo>), "JukeboxVideoListEnvelope"))
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(RateLimitPolicies.PublicSongsSearch)
            .RequireVenueVisitor();
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(string venueId, HttpContext context, IGrainFactory grains)
    {
        string text;
        try
        {
            using var reader = new StreamReader(context.Request.Body, StrictUtf8, detectEncodingFromByteOrderMarks: false);
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (DecoderFallbackException)
        {
            return ApiResults.Failure(context, StatusCodes.Status400BadRequest, SongbookErrors.NotUtf8());
        }

        var parsed = SongbookCsv.Parse(text);
        if (parsed.Rows.Count > SongbookRules.MaxSongs)
        {
            return ApiResults.Failure(context, StatusCodes.Status400BadRequest, SongbookErrors.TooManySongs(parsed.Rows.Count));
        }

        var problems = parsed.Problems
            .Concat(parsed.Rows.SelectMany(SongbookRules.Check).Select(p => new ApiErrorDetail(p.Field, p.Message)))
            .ToList();
        if (problems.Count > 0)
        {
            return ApiResults.Failure(context, StatusCodes.Status400BadRequest, new ApiError(
                "VALIDATION_ERROR",
                $"{problems.Count} problem(s) in the songbook; nothing was imported.",
                "Some lines of the songbook need fixing; see details.",
                [.. problems.OrderBy(p => LineOf(p.Field)).Take(ListedProblems)]));
        }

        var customer = CustomerContext.Of(context);
        var imported = await grains.GetGrain<ISongbookGrain>(OwnedVenue.Of(context).Id)
            .Import(new ImportSongbook(parsed.Rows, customer.CustomerId, customer.Stamp(context)));
        return ApiResults.Success(context, imported, message: $"{imported.Songs} songs imported.");
    }

    /// <summary>YouTube's answer (reused for an hour, for every venue) as this venue offers it: blocklist applied, its prices.</summary>
    private static async Task<IResult> SearchVideosAsync(string q, int limit, HttpContext context, IGrainFactory grains, VideoCatalog catalog, TimeProvider clock)
    {
        if (!catalog.Enabled)
        {
            return CatalogErrors.Refused(context, CatalogErrors.SearchOff);
        }

        if (await grains.GetGrain<IVenueQueueGrain>(VenueVisitor.Of(context).Id).GetSettings() is not { } settings)
        {
            return ApiResults.Failure(context, StatusCodes.Status404NotFound, VenueErrors.NotFound());
        }

        // A venue that takes no videos would spend the day's quota on searches nobody can request.
        if (!settings.AcceptJukebox)
        {
            return DomainRefusals.ToResult(context, DomainErrors.RequestKindNotAccepted);
        }

        var found = await catalog.SearchAsync(q, limit, context.RequestAborted);
        return found.Value is { } videos
            ? ApiResults.Success(context, JukeboxResults.For(videos, settings))
            : CatalogErrors.ToResult(context, found, clock);
    }

    /// <summary>The line a problem is on (<c>lines[17].title</c> is 17), so "line 100" is listed after "line 17".</summary>
    private static int LineOf(string field) =>
        int.TryParse(field.AsSpan()[(field.IndexOf('[', StringComparison.Ordinal) + 1)..field.IndexOf(']', StringComparison.Ordinal)], out var line) ? line : 0;

    private static async Task<IResult> SearchAsync(
        string venueId, string? q, string? kind, HttpContext context, SongbookSearch songbook, IGrainFactory grains, VideoCatalog catalog, TimeProvider clock)
    {
        var problems = new List<ApiErrorDetail>();
        if (string.IsNullOrWhiteSpace(q) || q.Length > SongbookSearch.MaxQueryLength)
        {
            problems.Add(new("q", $"What to look for, 1 to {SongbookSearch.MaxQueryLength} characters."));
        }

        if (kind is not (null or RequestKinds.Karaoke or RequestKinds.Jukebox))
        {
            problems.Add(new("kind", $"{RequestKinds.Karaoke} or {RequestKinds.Jukebox}."));
        }

        var limit = QueryValues.WholeNumber(context.Request, "limit", SongbookSearch.DefaultLimit, 1, SongbookSearch.MaxLimit, problems);
        if (problems.Count > 0)
        {
            return ApiResults.ValidationFailed(context, problems);
        }

        if (kind == RequestKinds.Jukebox)
        {
            return await SearchVideosAsync(q!, limit, context, grains, catalog, clock);
        }

        return ApiResults.Success(context, await songbook.SearchAsync(VenueVisitor.Of(context).Id, q!, limit, context.RequestAborted));
    }
}
